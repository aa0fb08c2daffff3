/** A page path without query string or fragment (which may hold personal data). */
export function cleanPath(raw: string): string {
  let path = raw
  // A full URL keeps only its path.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path)
  if (scheme) path = path.slice(scheme[0].length) || '/'
  const cut = path.search(/[?#]/)
  return cut === -1 ? path : path.slice(0, cut)
}

const EMAIL = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu
// A segment of digits and separators only: a phone (10 to 12 digits, may
// start with +) or another number (7 digits or more).
const NUMBERISH = /^\+?[\d\s().-]+$/
const LONG_DIGITS = /\d{7,}/g

/**
 * Identifiers inside path segments (`/users/ivan@mail.ru`, `/call/+79123456789`,
 * `/orders/12345678`) become `[email]`, `[phone]` or `[number]`; short
 * numbers (`/services/1042`) and everything else stay.
 */
export function scrubPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const text = decode(segment)
      const digits = text.replace(/\D/g, '').length
      if (NUMBERISH.test(text) && digits >= 7) return digits >= 10 && digits <= 12 && /^\+|^[78]|^9/.test(text.trim()) ? '[phone]' : '[number]'
      if (text.includes('@')) {
        const scrubbed = text.replace(EMAIL, '[email]')
        if (scrubbed !== text) return scrubbed.replace(LONG_DIGITS, '[number]')
      }
      return LONG_DIGITS.test(text) ? text.replace(LONG_DIGITS, '[number]') : segment
    })
    .join('/')
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
