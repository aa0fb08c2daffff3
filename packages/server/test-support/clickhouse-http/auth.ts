import type { IncomingHttpHeaders } from 'node:http'
import { AUTHENTICATION_FAILED, ClickHouseFailure } from './errors.js'

/**
 * Credentials the ways ClickHouse accepts them over HTTP: Basic auth (what
 * `@clickhouse/client` sends), `X-ClickHouse-User`/`X-ClickHouse-Key`
 * headers, or `user`/`password` URL parameters. Absent means `default`
 * with an empty password, as on a fresh server.
 */
export interface Credentials {
  readonly username: string
  readonly password: string
}

export function credentialsOf(headers: IncomingHttpHeaders, searchParams: URLSearchParams): Credentials {
  const authorization = headers.authorization
  if (authorization !== undefined && /^basic\s+/i.test(authorization)) {
    const decoded = Buffer.from(authorization.replace(/^basic\s+/i, ''), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon === -1
      ? { username: decoded, password: '' }
      : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  const user = headerValue(headers['x-clickhouse-user']) ?? searchParams.get('user') ?? 'default'
  const key = headerValue(headers['x-clickhouse-key']) ?? searchParams.get('password') ?? ''
  return { username: user, password: key }
}

/** Throws AUTHENTICATION_FAILED (HTTP 403) unless `given` matches `expected`; no check without `expected`. */
export function checkCredentials(expected: Credentials | undefined, given: Credentials): void {
  if (expected === undefined) return
  if (given.username === expected.username && given.password === expected.password) return
  throw new ClickHouseFailure(
    AUTHENTICATION_FAILED,
    'AUTHENTICATION_FAILED',
    `${given.username}: Authentication failed: password is incorrect, or there is no user with such name`,
  )
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
