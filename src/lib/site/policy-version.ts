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
