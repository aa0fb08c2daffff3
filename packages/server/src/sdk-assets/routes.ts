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
import type { FastifyPluginAsync } from 'fastify'
import { OtklikError } from '../errors.js'
import { serveStaticDir } from '../http/static-dir.js'
import { demoPageRoutes } from './demo.js'
import { isBuilt, sdkPackage } from './files.js'

// A new release reaches pages that load /sdk.js within five minutes.
const SDK_JS_MAX_AGE_S = 300
/** The files a version exposes. */
const PUBLISHED = new Set(['/otklik.js', '/otklik-widget.js', '/manifest.json'])

export interface SdkAssetsOptions {
  /** The SDK package directory (package.json and dist/); by default found by package resolution. */
  sdkDir?: string
}

const notBuilt = () =>
  new OtklikError('sdk_not_built', 503, 'the browser SDK is not built on this server: run `pnpm build` at the repository root')

export const sdkAssetsRoutes: FastifyPluginAsync<SdkAssetsOptions> = async (app, options) => {
  const sdk = sdkPackage(options.sdkDir)
  const versioned = `/sdk/${sdk.version}/`

  await app.register(async (scope) => {
    // A missing build is an answer (503), not a crash; a rebuild is served without a restart.
    scope.addHook('onRequest', async () => {
      if (!isBuilt(sdk)) throw notBuilt()
    })
    await serveStaticDir(scope, {
      prefix: versioned,
      root: sdk.dist,
      allow: (file) => PUBLISHED.has(file),
      aliases: { '/sdk.js': 'otklik.js' },
      // Only the version this server holds is at a versioned address: its bytes never change there.
      immutable: (path) => path.startsWith(versioned),
      maxAge: SDK_JS_MAX_AGE_S,
      crossOrigin: true,
    })
    scope.get<{ Params: { version: string; file: string } }>(
      '/sdk/:version/:file',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request) => {
        const { version, file } = request.params
        throw new OtklikError('not_found', 404, `no SDK file ${version}/${file} here; this server has ${sdk.version}`)
      },
    )
  })

  await app.register(demoPageRoutes)
}
