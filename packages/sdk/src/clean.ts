/**
 * Turns whatever a page passes into values the event contract accepts
 * (DESIGN §4), so that one careless call never costs a whole batch.
 */
import { LIMITS } from '@otklik/server/contract'

/**
 * An identifier (service, step, error code...): letters, digits and `._:-/`,
 * starting with a letter or digit, at most 128 characters. Other characters
 * become `-`; what is left empty gives `undefined`.
 */
export const ident = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
        .replace(/[^\p{L}\p{N}._:/-]+/gu, '-')
        .replace(/^[^\p{L}\p{N}]+/u, '')
        .slice(0, LIMITS.maxIdChars)
        .replace(/-+$/, '') || undefined
    : undefined

/** A language tag like `ru` or `en-GB`, or `undefined`. */
export const languageTag = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length < 36 && /^[a-z]{2,8}(-[a-z\d]{1,8})*$/i.test(v) ? v : undefined

/** The page's path only: never its query string or fragment. */
export const currentPath = (): string => location.pathname.slice(0, LIMITS.maxPathChars)
