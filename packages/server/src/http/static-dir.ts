/**
 * The one way the server serves files from a directory (the SDK build, the
 * demo's assets, the open-data page, the landing page, the dashboard), on
 * `@fastify/static` (ranges, ETag and Last-Modified, no path traversal).
 * This helper owns the headers, so that every static answer gets them the
 * same way:
 * - cache: `immutable` paths (hashed or versioned addresses) for a year;
 *   HTML `no-cache` (always revalidated, so a new release shows at once);
 *   other files for `maxAge` seconds, `no-cache` by default;
 * - security: `nosniff`, no referrer, the page's Content Security Policy
 *   when one is given, and open CORS only for files other sites load.
 * Static files are public: the routes are marked so for the auth hook.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

export interface StaticDirOptions {
  /** URL prefix, e.g. `/open/` (a trailing slash is added). */
  prefix: string
  /** Absolute path of the directory served. */
  root: string
  /** Content-Security-Policy sent with every file (pages need it; assets ignore it). */
  csp?: string
  /** True for request paths whose bytes never change at that address: cached for a year. */
  immutable?: (urlPath: string) => boolean
  /** Seconds a file that is neither HTML nor immutable may be used without asking; 0 (default) revalidates. */
  maxAge?: number
  /** For scripts other sites load (with `crossorigin` for integrity): `Access-Control-Allow-Origin: *`. */
  crossOrigin?: boolean
  /** Only the files for which this is true (path under root, e.g. `/otklik.js`) are served; by default all. */
  allow?: (file: string) => boolean
  /** More URLs answered with one file of the directory, e.g. `{ '/sdk.js': 'otklik.js' }`. */
  aliases?: Record<string, string>
  /**
   * Register one route per file present at start instead of a wildcard under
   * the prefix: for `/`, where a wildcard would answer every unknown path.
   */
  fixed?: boolean
}

export async function serveStaticDir(app: FastifyInstance, options: StaticDirOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' }
    })
    scope.addHook('onSend', async (request, reply) => {
      securityHeaders(reply, options)
      // RFC 9239: JavaScript is text/javascript (send's table still says application/).
      if (String(reply.getHeader('content-type')).startsWith('application/javascript')) reply.header('content-type', 'text/javascript; charset=utf-8')
      if (reply.statusCode < 400) reply.header('cache-control', cacheControl(request.url.split('?')[0] ?? '', reply, options))
    })
    const { allow } = options
    await scope.register(fastifyStatic, {
      root: options.root,
      prefix: options.prefix,
      wildcard: !options.fixed,
      cacheControl: false,
      dotfiles: 'ignore',
      index: ['index.html'],
      ...(allow ? { allowedPath: (path: string) => allow(path) } : {}),
    })
    // The router ignores trailing slashes, so `/open/` never reaches the
    // wildcard `/open/*`: the directory's own address answers its index.
    const aliases = options.fixed ? { ...options.aliases } : { [options.prefix.replace(/\/$/, '') || '/']: 'index.html', ...options.aliases }
    for (const [url, file] of Object.entries(aliases)) {
      scope.get(url, { schema: { hide: true } }, (_request, reply) => reply.sendFile(`/${file.replace(/^\//, '')}`))
    }
  })
}

/** The headers of every page or file the server renders itself (nosniff, no referrer, its CSP). */
export function securityHeaders(reply: FastifyReply, options: { csp?: string | undefined; crossOrigin?: boolean | undefined }): FastifyReply {
  reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer')
  if (options.csp) reply.header('content-security-policy', options.csp)
  if (options.crossOrigin) reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin')
  return reply
}

function cacheControl(urlPath: string, reply: FastifyReply, options: StaticDirOptions): string {
  if (options.immutable?.(urlPath)) return IMMUTABLE
  const type = String(reply.getHeader('content-type') ?? '')
  if (type.startsWith('text/html') || !options.maxAge) return REVALIDATE
  return `public, max-age=${options.maxAge}`
}
