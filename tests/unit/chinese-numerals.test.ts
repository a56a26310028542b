import { describe, expect, it } from "vitest";
import { chineseToInt, intToChinese } from "../../src/lib/law/chinese-numerals.ts";

const PAIRS: [string, number][] = [
  ["一", 1],
  ["九", 9],
  ["十", 10],
  ["十一", 11],
  ["十九", 19],
  ["二十", 20],
  ["二十四", 24],
  ["九十九", 99],
  ["一百", 100],
  ["一百零一", 101],
  ["一百零七", 107],
  ["一百一十", 110],
  ["一百一十一", 111],
  ["二百", 200],
  ["九百九十九", 999],
  ["一千", 1000],
  ["一千零一", 1001],
  ["一千零一十", 1010],
  ["一千零一十一", 1011],
  ["一千一百", 1100],
  ["一千二百六十", 1260],
  ["二千零二十二", 2022],
  ["九千九百九十九", 9999],
];

describe("chineseToInt", () => {
  it.each(PAIRS)("reads %s as %i", (numeral, value) => {
    expect(chineseToInt(numeral)).toBe(value);
  });

  it("accepts the variants 〇, 两 and a leading 一十", () => {
    expect(chineseToInt("一百〇一")).toBe(101);
    expect(chineseToInt("两百")).toBe(200);
    expect(chineseToInt("一十二")).toBe(12);
    expect(chineseToInt("零")).toBe(0);
  });

  it.each([
    ["十X", /unknown character "X"/],
    ["", /empty/],
    ["5", /unknown character "5"/],
    ["二三", /two digits in a row/],
    ["百", /needs a digit/],
    ["一百十", /needs a digit/],
    ["十百", /out of place/],
    ["一百一", /no unit/],
    ["一百零", /ends with 零/],
    ["零一", /out of place/],
  ])("throws on %j", (numeral, message) => {
    expect(() => chineseToInt(numeral)).toThrow(message);
  });
});

describe("intToChinese", () => {
  it.each(PAIRS)("writes %s for %i", (numeral, value) => {
    expect(intToChinese(value)).toBe(numeral);
  });

  it("round-trips every number from 1 to 9999", () => {
    for (let n = 1; n <= 9999; n++) expect(chineseToInt(intToChinese(n))).toBe(n);
  });

  it.each([0, -1, 10000, 1.5, Number.NaN])("throws for %d", (n) => {
    expect(() => intToChinese(n)).toThrow(RangeError);
  });
});
