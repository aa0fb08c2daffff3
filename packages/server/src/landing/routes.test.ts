import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { LANDING_CSP } from './routes.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.app.close())

it('answers / with a page linking to what the server offers, public, under a CSP with no script or inline style', async () => {
  const res = await t.app.inject('/')
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toMatch(/^text\/html/)
  expect(res.headers['content-security-policy']).toBe(LANDING_CSP)
  expect(LANDING_CSP).not.toMatch(/script-src|unsafe-inline/)
  expect(res.headers['cache-control']).toBe('no-cache')
  for (const path of ['/dashboard/', '/open/', '/docs', '/demo/', '/openapi.json', '/healthz']) expect(res.body).toContain(`href="${path}"`)
  expect(res.body).toMatch(/<html lang="en">/)
  expect(res.body).toMatch(/<main>[\s\S]*<h1>/)
  expect(res.body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/)
  expect((await t.app.inject('/landing.css')).statusCode).toBe(200)
})

it('every link on it leads somewhere on this server, except the dashboard that is not built yet', async () => {
  const body = (await t.app.inject('/')).body
  for (const [, href] of body.matchAll(/href="([^"]+)"/g)) {
    if (href === '/dashboard/') continue
    expect((await t.app.inject(href!)).statusCode, href).toBeLessThan(400)
  }
})

it('answers no other path: an unknown one is still the API 404', async () => {
  expect((await t.app.inject('/nope')).json().error.code).toBe('not_found')
})
