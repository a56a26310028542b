/**
 * Chinese numerals as used in the numbering of laws: 第一百零七条, 第十三章.
 *
 * Only the "counting" form is handled (十, 百, 千 with 零 for gaps), which is
 * what article, section and chapter numbers use. Digit-by-digit years such as
 * 二〇二二 are a different notation and are not accepted here.
 */

/** Digit characters. 〇 and 两 (traditional 兩) appear in hand-typed texts; all are accepted. */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ["一", 1],
  ["二", 2],
  ["两", 2],
  ["兩", 2],
  ["三", 3],
  ["四", 4],
  ["五", 5],
  ["六", 6],
  ["七", 7],
  ["八", 8],
  ["九", 9],
]);

const ZEROS = new Set(["零", "〇"]);

const UNITS: ReadonlyMap<string, number> = new Map([
  ["十", 10],
  ["百", 100],
  ["千", 1000],
]);

const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** Running state while reading a numeral left to right. */
interface ReadState {
  total: number;
  /** A digit waiting for its unit (or for the end, when it is the ones digit). */
  digit: number | null;
  /** The last unit seen; units must get smaller (千 > 百 > 十). */
  lastUnit: number;
  /** A 零 was seen and a digit must follow. */
  zero: boolean;
}

function fail(numeral: string, why: string): never {
  throw new RangeError(`"${numeral}" is not a Chinese numeral: ${why}`);
}

/** Applies a unit character (十/百/千) to the state. */
function readUnit(numeral: string, state: ReadState, unit: number, char: string): void {
  if (unit >= state.lastUnit) fail(numeral, `"${char}" is out of place`);
  let digit = state.digit;
  // A leading 十 means 一十: 十一 is 11. Anywhere else the digit must be written (一百一十).
  if (digit === null) {
    if (unit === 10 && state.total === 0 && !state.zero) digit = 1;
    else fail(numeral, `"${char}" needs a digit before it`);
  }
  state.total += digit * unit;
  state.digit = null;
  state.lastUnit = unit;
  state.zero = false;
}

/**
 * Converts a Chinese numeral to an integer: `chineseToInt("一百零一") === 101`,
 * `chineseToInt("十") === 10`, `chineseToInt("二十") === 20`,
 * `chineseToInt("一百一十") === 110`. "零" alone is 0.
 *
 * @throws RangeError for empty input, unknown characters (e.g. "十X") or
 *   malformed numerals (e.g. "二三", "百", "一百一" which is ambiguous).
 */
export function chineseToInt(numeral: string): number {
  if (numeral === "") fail(numeral, "it is empty");
  if (ZEROS.has(numeral)) return 0;
  const state: ReadState = {
    total: 0,
    digit: null,
    lastUnit: Number.POSITIVE_INFINITY,
    zero: false,
  };
  for (const char of numeral) {
    const digit = DIGITS.get(char);
    const unit = UNITS.get(char);
    if (digit !== undefined) {
      if (state.digit !== null) fail(numeral, "two digits in a row");
      state.digit = digit;
    } else if (ZEROS.has(char)) {
      if (state.digit !== null || state.zero || state.total === 0) {
        fail(numeral, `"${char}" is out of place`);
      }
      state.zero = true;
    } else if (unit !== undefined) {
      readUnit(numeral, state, unit, char);
    } else {
      fail(numeral, `unknown character "${char}"`);
    }
  }
  if (state.zero && state.digit === null) fail(numeral, "it ends with 零");
  if (state.digit !== null) {
    // A bare trailing digit is the ones digit only straight after 十, after 零,
    // or on its own; "一百一" is colloquial for 110 and too ambiguous to guess.
    const onesPlace = state.lastUnit === 10 || state.zero || state.total === 0;
    if (!onesPlace) fail(numeral, "the last digit has no unit (write 一百一十 or 一百零一)");
    state.total += state.digit;
  }
  return state.total;
}

/**
 * Converts an integer from 1 to 9999 to its Chinese numeral, the inverse of
 * chineseToInt: `intToChinese(101) === "一百零一"`, `intToChinese(10) === "十"`,
 * `intToChinese(110) === "一百一十"`, `intToChinese(1010) === "一千零一十"`.
 *
 * @throws RangeError when n is not an integer in 1..9999.
 */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`${n} is outside 1..9999`);
  }
  // 10–19 are written 十, 十一 … without the leading 一.
  if (n >= 10 && n < 20) return `十${n === 10 ? "" : DIGIT_CHARS[n - 10]}`;
  const places: [number, string][] = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ];
  let out = "";
  let pendingZero = false;
  for (const [value, unit] of places) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      // One 零 marks any run of empty places, but only between written digits.
      if (out !== "") pendingZero = true;
      continue;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += `${DIGIT_CHARS[digit]}${unit}`;
  }
  return out;
}
