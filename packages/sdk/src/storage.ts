/**
 * JSON in Web Storage that never throws. Storage may be disabled, full,
 * blocked by privacy settings or sandboxing; then a per-page memory copy
 * (which wins while it exists) keeps the SDK working for the life of the page.
 */
export const LOCAL = 'localStorage'
export const SESSION = 'sessionStorage'
type Area = typeof LOCAL | typeof SESSION

const memory: Record<string, string> = {}

/** The stored value; null or undefined when there is none or it cannot be read. */
export function read<T>(area: Area, key: string): T | null | undefined {
  try {
    return JSON.parse(memory[area + key] ?? window[area].getItem(key)!)
  } catch {
    return undefined
  }
}

/** Writes `value` as JSON. */
export function write(area: Area, key: string, value: object): void {
  const raw = JSON.stringify(value)
  try {
    window[area].setItem(key, raw)
    delete memory[area + key]
  } catch {
    memory[area + key] = raw
  }
}
