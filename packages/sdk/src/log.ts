/**
 * The two ways the SDK talks back, and the only two: one console warning per
 * distinct misuse (naming the call), and one `onIgnored(reason)` path for
 * everything dropped on purpose. Neither may throw into the host page.
 */
import type { IgnoredReason } from './types.js'

let onIgnored: ((reason: IgnoredReason, detail?: unknown) => void) | undefined

/** One warning per misuse; `call` names what the page did, e.g. `step`. */
export function warn(call: string, problem: string): void {
  try {
    console.warn(`otklik('${call}'): ${problem}`)
  } catch {
    // A page that broke console.warn gets no warning, and no error either.
  }
}

export function setOnIgnored(fn: unknown): void {
  if (typeof fn === 'function') onIgnored = fn as typeof onIgnored
}

export function ignored(reason: IgnoredReason, detail?: unknown): void {
  try {
    onIgnored?.(reason, detail)
  } catch {
    // The page's callback failing is not the page's problem to catch.
  }
}
