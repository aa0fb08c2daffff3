/**
 * `null` for an optional field means the field is absent, in events and in
 * every API body: JSON encoders (and people) write `"step": null` for "no
 * step", and refusing that would lose the event over a spelling. A required
 * field that is null is then "required", like a missing one.
 */

/** A copy of `value` with every object property whose value is null left out, at any depth (array items stay). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = withoutNulls(v)
  return out
}
