/**
 * Hosting of the browser SDK (DESIGN §6) and of the demo service:
 *
 *   GET /sdk.js                     the current core, cached briefly (a new release reaches pages within minutes)
 *   GET /sdk/VERSION/otklik.js      the same file at its versioned, immutable address (for `integrity=`)
 *   GET /sdk/VERSION/otklik-widget.js   the lazily loaded survey widget
 *   GET /sdk/VERSION/manifest.json  sizes and integrity hashes of this version
 *   GET /demo/...                   a mock government service embedding the SDK (demo.ts)
 *
 * Scripts are served with `Access-Control-Allow-Origin: *`: pages load them
 * with `crossorigin` for Subresource Integrity, and the widget is fetched as
 * a module, which is always a CORS request.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { OtklikError } from '../errors.js'
import { demoPageRoutes } from './demo.js'
import { SdkFiles } from './files.js'

const SHORT_CACHE = 'public, max-age=300'
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The files a version exposes, and their types. */
const VERSIONED: Record<string, string> = {
  'otklik.js': 'text/javascript; charset=utf-8',
  'otklik-widget.js': 'text/javascript; charset=utf-8',
  'manifest.json': 'application/json; charset=utf-8',
}

export interface SdkAssetsOptions {
  /** Where the SDK build is; default packages/sdk/dist. */
  sdkDir?: string
}

const notBuilt = () =>
  new OtklikError('sdk_not_built', 503, 'the browser SDK is not built on this server: run `pnpm build` at the repository root')

export const sdkAssetsRoutes: FastifyPluginAsync<SdkAssetsOptions> = async (app, options) => {
  const files = new SdkFiles(options.sdkDir)
  const access = 'public' as const

  const send = (reply: FastifyReply, body: Buffer, type: string, cache: string) =>
    reply
      .header('content-type', type)
      .header('cache-control', cache)
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('x-content-type-options', 'nosniff')
      .send(body)

  app.get('/sdk.js', { config: { access }, schema: { hide: true } }, async (_req, reply) => {
    const body = await files.get('otklik.js')
    if (!body) throw notBuilt()
    return send(reply, body, VERSIONED['otklik.js']!, SHORT_CACHE)
  })

  app.get<{ Params: { version: string; file: string } }>(
    '/sdk/:version/:file',
    { config: { access }, schema: { hide: true } },
    async (req, reply) => {
      const { version, file } = req.params
      const type = Object.hasOwn(VERSIONED, file) ? VERSIONED[file] : undefined
      const manifest = await files.manifest()
      if (!manifest) throw notBuilt()
      // Only the version this server holds: an immutable address must never serve other bytes.
      if (!type || version !== manifest.version) throw new OtklikError('not_found', 404, `no SDK file ${version}/${file} here; this server has ${manifest.version}`)
      const body = await files.get(file)
      if (!body) throw notBuilt()
      return send(reply, body, type, IMMUTABLE)
    },
  )

  await app.register(demoPageRoutes)
}
