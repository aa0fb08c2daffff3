/**
 * JSON in Web Storage that never throws. Storage may be disabled, full,
 * blocked by privacy settings or sandboxing; then a per-page memory copy
 * (which wins while it exists) keeps the SDK working for the life of the page.
 */
export const LOCAL = 'localStorage'
export const SESSION = 'sessionStorage'
type Area = typeof LOCAL | typeof SESSION

const memory: Record<string, string> = {}

export function read<T>(area: Area, key: string): T | undefined {
  try {
    return JSON.parse(memory[area + key] ?? window[area].getItem(key)!) ?? undefined
  } catch {
    return undefined
  }
}

/** Writes `value` as JSON (`undefined` as null, which reads back as undefined). */
export function write(area: Area, key: string, value: unknown): void {
  const raw = JSON.stringify(value) ?? 'null'
  try {
    window[area].setItem(key, raw)
    delete memory[area + key]
  } catch {
    memory[area + key] = raw
  }
}
