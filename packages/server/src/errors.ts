/**
 * The one catalogue of coded errors. Every error a client can cause has a
 * code, an HTTP status and a human message; the error handler in `app.ts`
 * turns them into `{ error: { code, message } }` bodies.
 */
export class OtklikError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'OtklikError'
  }
}

export const errors = {
  badRequest: (message: string, details?: Record<string, unknown>) => new OtklikError('bad_request', 400, message, details),
  invalidJson: (message: string) => new OtklikError('invalid_json', 400, `body is not valid JSON: ${message}`),
  unsupportedMediaType: (type: string | undefined) =>
    new OtklikError('unsupported_media_type', 415, `content type ${type ?? '(none)'} is not accepted; send application/json (or, to /v1/events, text/plain)`),
  bodyTooLarge: (limit: number) => new OtklikError('body_too_large', 413, `body is larger than ${limit} bytes`),
  unknownSite: () => new OtklikError('unknown_site', 404, 'no site has this key'),
  originNotAllowed: () => new OtklikError('origin_not_allowed', 403, "this page's origin is not among the site's allowed origins"),
  originRequired: () => new OtklikError('origin_required', 403, 'a web site accepts events only from its pages (Origin header missing)'),
  appKeyRequired: () => new OtklikError('app_key_required', 401, 'an app site needs its secret ingestion key in the X-Otklik-Key header'),
  appKeyInvalid: () => new OtklikError('app_key_invalid', 403, 'the ingestion key does not match this site'),
  allRejected: (rejected: unknown[]) =>
    new OtklikError('all_events_rejected', 400, 'no event in the batch was valid', { accepted: 0, rejected }),
  unauthorized: () => new OtklikError('unauthorized', 401, 'an API token is required (Authorization: Bearer ...)'),
  forbidden: (scope: string) => new OtklikError('forbidden', 403, `this token's scope does not allow this; ${scope} scope is needed`),
  notFound: (what: string) => new OtklikError('not_found', 404, `${what} not found`),
  conflict: (message: string) => new OtklikError('conflict', 409, message),
  siteRateLimited: (what: 'requests' | 'events', limit: number) =>
    new OtklikError('rate_limited', 429, `this site sent more than ${limit} ${what} this minute; retry after the time in Retry-After`),
  notDurable: () => new OtklikError('storage_unavailable', 503, 'events could not be stored right now; retry later'),
  storageUnavailable: () => new OtklikError('storage_unavailable', 503, 'storage is unreachable right now; retry later'),
} as const
