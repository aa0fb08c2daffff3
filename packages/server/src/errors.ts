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
  bodyTooLarge: (limit: number) =>
    new OtklikError('body_too_large', 413, `the body is larger than the limit of ${inUnits(limit)} (${limit} bytes) for this address`),
  unknownSite: () => new OtklikError('unknown_site', 404, 'no site has this key'),
  originNotAllowed: (origin: string, site: string) =>
    new OtklikError('origin_not_allowed', 403, `origin ${origin.slice(0, 300)} is not among the allowed origins of site ${JSON.stringify(site)}`),
  originRequired: () => new OtklikError('origin_required', 403, 'a web site accepts events only from its pages (Origin header missing)'),
  appKeyRequired: () => new OtklikError('app_key_required', 401, 'an app site needs its secret ingestion key in the X-Otklik-Key header'),
  appKeyInvalid: () => new OtklikError('app_key_invalid', 403, 'the ingestion key does not match this site'),
  allRejected: (rejected: unknown[]) =>
    new OtklikError('all_events_rejected', 400, 'no event in the batch was valid', { accepted: 0, rejected }),
  unauthorized: () => new OtklikError('unauthorized', 401, 'an API token is required (Authorization: Bearer ...)'),
  tokenNotRecognised: () =>
    new OtklikError(
      'token_not_recognised',
      401,
      'this API token is not recognised: it may be mistyped, revoked, or from another server (otklik token create makes one)',
    ),
  forbidden: (scope: string) => new OtklikError('forbidden', 403, `this token's scope does not allow this; ${scope} scope is needed`),
  notFound: (what: string) => new OtklikError('not_found', 404, `${what} not found`),
  conflict: (message: string) => new OtklikError('conflict', 409, message),
  siteRateLimited: (what: 'requests' | 'events', limit: number) =>
    new OtklikError('rate_limited', 429, `this site sent more than ${limit} ${what} this minute; retry after the time in Retry-After`),
  notDurable: () => new OtklikError('storage_unavailable', 503, 'events could not be stored right now; retry later'),
  storingElsewhere: () => new OtklikError('storage_unavailable', 503, 'some of these events are being stored by another request right now; retry later'),
  storageUnavailable: () => new OtklikError('storage_unavailable', 503, 'storage is unreachable right now; retry later'),
} as const

/** 65536 → "64 KiB", 33554432 → "32 MiB". */
function inUnits(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
