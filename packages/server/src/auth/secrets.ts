/**
 * Random secrets and their stored form. Secrets are high-entropy random
 * strings, so a plain SHA-256 is a sound stored form (no password stretching
 * needed); comparisons are constant-time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const randomSecret = (bytes = 24): string => randomBytes(bytes).toString('base64url')

/** Lower-case letters and digits, for keys that appear in HTML and URLs. */
export function randomKey(length = 12): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(length)
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex')

export function sameHash(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
