/**
 * Turns whatever a page passes into values the event contract accepts
 * (DESIGN §4), so that one careless call never costs a whole batch.
 */
import { LIMITS } from '@otklik/server/contract'

/**
 * An identifier (service, step, error code...): letters, digits and `._:-/`,
 * starting with a letter or digit, at most 128 UTF-16 units (never half a
 * surrogate pair). Other characters become `-`; what is left empty gives
 * `undefined`.
 */
export const ident = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? `${value}`
        .replace(/[^\p{L}\p{N}._:/-]+/gu, '-')
        .replace(/^[._:/-]+/, '')
        .slice(0, LIMITS.maxIdChars)
        // Without the u flag the class sees code units: a high surrogate cut from its pair, and dashes.
        .replace(/[\ud800-\udbff-]+$/, '') || undefined
    : undefined

/** A language tag like `ru` or `en-GB` (at most three subtags, so within the contract's 35 characters), or `undefined`. */
export const languageTag = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[a-z]{2,8}(-[a-z\d]{1,8}){0,3}$/i.test(v) ? v : undefined

/** The page's path only: never its query string or fragment. */
export const currentPath = (): string => location.pathname.slice(0, LIMITS.maxPathChars)
