import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, tempDir } from '../../test-support/app.js'
import { errorHandler, notFoundHandler } from '../error-handler.js'
import { DEMO_CSP } from './demo.js'
import { sdkPackage } from './files.js'
import { sdkAssetsRoutes } from './routes.js'

async function appWith(sdkDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler(notFoundHandler)
  await app.register(sdkAssetsRoutes, { sdkDir })
  return app
}

/** An SDK package as the server finds it: package.json with the version, the build in dist/. */
function fakeSdk(built = true): string {
  const dir = tempDir('otklik-sdk-')
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@otklik/sdk', version: '1.2.3' }))
  writeFileSync(join(dir, 'secret.txt'), 'not for the web')
  if (!built) return dir
  const dist = join(dir, 'dist')
  mkdirSync(join(dist, 'esm'), { recursive: true })
  writeFileSync(join(dist, 'otklik.js'), '/* core */')
  writeFileSync(join(dist, 'otklik-widget.js'), '/* widget */')
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ version: '1.2.3', files: {} }))
  writeFileSync(join(dist, 'otklik.js.map'), '{}')
  return dir
}

describe('a built SDK', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWith(fakeSdk())
  })
  afterAll(() => app.close())

  it('serves /sdk.js with a short cache, a script type and CORS for integrity checks', async () => {
    const res = await app.inject('/sdk.js')
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('/* core */')
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves the versioned core and widget as immutable', async () => {
    for (const file of ['otklik.js', 'otklik-widget.js']) {
      const res = await app.inject(`/sdk/1.2.3/${file}`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers['access-control-allow-origin']).toBe('*')
    }
    expect((await app.inject('/sdk/1.2.3/manifest.json')).json()).toEqual({ version: '1.2.3', files: {} })
  })

  it('never serves another version or any other file at a versioned address', async () => {
    for (const path of ['/sdk/1.0.0/otklik.js', '/sdk/1.2.3/secret.txt', '/sdk/1.2.3/otklik.js.map', '/sdk/1.2.3/esm', '/sdk/1.2.3/constructor']) {
      const res = await app.inject(path)
      expect(res.statusCode, path).toBe(404)
      expect(res.headers['cache-control'], path).toBeUndefined()
    }
    expect((await app.inject('/sdk/1.0.0/otklik.js')).json().error.message).toBe('no SDK file 1.0.0/otklik.js here; this server has 1.2.3')
    // Out of the build directory is refused, never served.
    expect((await app.inject('/sdk/1.2.3/..%2Fsecret.txt')).statusCode).not.toBe(200)
  })
})

it('answers 503 with a clear message when the SDK is not built, instead of failing', async () => {
  const app = await appWith(fakeSdk(false))
  for (const path of ['/sdk.js', '/sdk/1.2.3/otklik.js', '/sdk/1.0.0/otklik.js']) {
    const res = await app.inject(path)
    expect(res.statusCode, path).toBe(503)
    expect(res.json().error).toEqual({ code: 'sdk_not_built', message: expect.stringContaining('pnpm build') })
  }
  await app.close()
})

describe('the demo service', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWith(fakeSdk())
  })
  afterAll(() => app.close())

  it('embeds the SDK as the README says, under a CSP without inline scripts or styles', async () => {
    const res = await app.inject('/demo/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toBe(DEMO_CSP)
    expect(DEMO_CSP).toContain("script-src 'self'")
    expect(DEMO_CSP).not.toContain('unsafe-inline')
    expect(res.body).toContain('<script async src="/sdk.js" data-site="demo" data-service="birth-registration"')
    expect(res.body).not.toMatch(/<script>|<style|style="/)
    expect(res.body).toContain('<html lang="ru">')
  })

  it('has its steps in Russian and English, and nothing else', async () => {
    for (const page of ['documents', 'application', 'done']) {
      expect((await app.inject(`/demo/${page}`)).statusCode).toBe(200)
      expect((await app.inject(`/demo/${page}?lang=en`)).body).toContain('<html lang="en">')
    }
    expect((await app.inject('/demo/nope')).statusCode).toBe(404)
    expect((await app.inject('/demo/demo.js')).headers['content-type']).toBe('text/javascript; charset=utf-8')
  })
})

it('is public in the real app (every route declares its access)', async () => {
  const { app } = await testApp()
  const res = await app.inject('/demo/')
  expect(res.statusCode).toBe(200)
  expect([200, 503]).toContain((await app.inject('/sdk.js')).statusCode)
  await app.close()
})

it('finds the SDK package by package resolution, with its version from its package.json', () => {
  const manifestPath = createRequire(import.meta.url).resolve('@otklik/sdk/package.json')
  const sdk = sdkPackage()
  expect(sdk.dist).toBe(join(manifestPath, '..', 'dist'))
  expect(sdk.version).toBe((JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string }).version)
})
