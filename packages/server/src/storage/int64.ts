/**
 * 64-bit integers arrive as strings from a ClickHouse server and may arrive
 * as numbers from chDB; everything above the storage layer sees numbers.
 */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value !== '') return Number(value)
  if (typeof value === 'bigint') return Number(value)
  return Number.NaN
}

/** Converts the named fields of each row to numbers, leaving the rest. */
export function numericFields<T extends Record<string, unknown>, K extends keyof T>(
  rows: readonly T[],
  fields: readonly K[],
): (Omit<T, K> & Record<K, number>)[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row }
    for (const f of fields) out[f as string] = toNumber(row[f])
    return out as Omit<T, K> & Record<K, number>
  })
}
