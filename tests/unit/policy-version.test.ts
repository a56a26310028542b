import { describe, expect, it } from "vitest";
import { versionDate, versionYear } from "../../src/lib/site/policy-version.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the version of a policy", () => {
  it("is dated by its latest revision, whatever the order they are written in", () => {
    const labourLaw = {
      adopted: d("1994-07-05"),
      revisions: [{ date: d("2018-12-29") }, { date: d("2009-08-27") }],
    };
    expect(versionDate(labourLaw)).toEqual(d("2018-12-29"));
    expect(versionYear(labourLaw)).toBe("2018");
  });

  it("is dated by its adoption when it was never revised", () => {
    expect(versionYear({ adopted: d("1996-05-15"), revisions: [] })).toBe("1996");
  });
});
