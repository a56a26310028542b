import { type DatabaseStatus, databaseStatus } from "../site/policy-version.ts";

/**
 * The status a list of cited articles shows beside a citation (issue 23):
 * 现行有效 / 已修改 / 已废止 / 尚未生效 for a law of which the knowledge base
 * holds more than one version, or one that is not in force; nothing for the
 * only version of a law in force, where it would only repeat itself.
 */
export function citedStatus(
  policy: { status: string; effective?: Date | undefined } | undefined,
  versioned: boolean,
  today: Date,
): DatabaseStatus | undefined {
  if (!policy) return undefined;
  const status = databaseStatus(policy, today);
  return versioned || status !== "valid" ? status : undefined;
}
