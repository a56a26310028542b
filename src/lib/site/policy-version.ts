/** What a policy's version is dated by: its adoption and its later revisions. */
export interface VersionDates {
  adopted: Date;
  revisions: readonly { date: Date }[];
}

/**
 * The date of the version a policy entry describes: its latest revision, or
 * its adoption when it was never revised. The 2022 Vocational Education Law
 * was first adopted in 1996; its version is 2022's, and lists show and filter
 * it under 2022.
 */
export function versionDate({ adopted, revisions }: VersionDates): Date {
  const latest = Math.max(adopted.getTime(), ...revisions.map((r) => r.date.getTime()));
  return new Date(latest);
}

/** The year of {@link versionDate}, as lists show it. */
export function versionYear(policy: VersionDates): string {
  return String(versionDate(policy).getUTCFullYear());
}

/** A policy's validity in the national law database's terms (国家法律法规数据库). */
export type DatabaseStatus = "valid" | "modified" | "repealed" | "pending";

/**
 * 现行有效 (valid), 已修改 (modified: amended, or superseded by a revised
 * text), 已废止 (repealed) or 尚未生效 (pending: in force from a day after
 * `today`), from the policy's `status` and `effective` date.
 */
export function databaseStatus(
  policy: { status: string; effective?: Date | undefined },
  today: Date,
): DatabaseStatus {
  if (policy.status === "repealed") return "repealed";
  if (policy.status === "amended" || policy.status === "superseded") return "modified";
  if (policy.effective && policy.effective.getTime() > today.getTime()) return "pending";
  return "valid";
}
