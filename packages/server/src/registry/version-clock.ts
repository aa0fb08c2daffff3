/**
 * Versions for the registry's ReplacingMergeTree rows. Two writes in the
 * same millisecond (a DELETE right after a PUT) would tie on `updated_at`,
 * and a tie is resolved arbitrarily; a strictly increasing clock keeps the
 * last write the winner within this process.
 */
let last = 0

export function nextVersion(now = Date.now()): number {
  last = Math.max(now, last + 1)
  return last
}
