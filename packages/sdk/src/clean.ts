/**
 * Turns whatever a page passes into values the event contract accepts
 * (DESIGN §4), so that one careless call never costs a whole batch.
 */
import { LIMITS, LOCALE_TAG, NOT_IDENTIFIER_CHARS } from '@otklik/contract/rules'

/** An identifier of ASCII only, as most are: it needs no Unicode classes. */
const ASCII_IDENTIFIER = /^[\w.:/-]*$/

/**
 * An identifier (service, step, error code...): letters, digits and `._:-/`,
 * starting with a letter or digit, at most 128 UTF-16 units (never half a
 * surrogate pair). Other characters become `-`; what is left empty gives
 * `undefined`.
 */
export const ident = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return
  const s = `${value}`
  return (
    // The contract's Unicode classes only when ASCII will not do: compiling
    // them costs the page a millisecond or more, while the SDK starts.
    (ASCII_IDENTIFIER.test(s) ? s : s.replace(NOT_IDENTIFIER_CHARS, '-'))
      .replace(/^[._:/-]+/, '')
      .slice(0, LIMITS.maxIdChars)
      // Without the u flag the class sees code units: a high surrogate cut from its pair, and dashes.
      .replace(/[\ud800-\udbff-]+$/, '') || undefined
  )
}

/** A language tag like `ru` or `en-GB` as the contract takes it, or `undefined`. */
export const languageTag = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length <= LIMITS.maxLocaleChars && LOCALE_TAG.test(v) ? v : undefined

/** The page's path only: never its query string or fragment. */
export const currentPath = (): string => location.pathname.slice(0, LIMITS.maxPathChars)
