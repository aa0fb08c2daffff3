import { Writable } from 'node:stream'
import { afterEach, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { testConfig, testStore } from '../test-support/app.js'
import { buildApp } from './app.js'

let app: FastifyInstance | undefined
afterEach(() => app?.close())

async function logsOf(level: 'info' | 'debug'): Promise<string> {
  let text = ''
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  const config = testConfig()
  app = await buildApp({ config, store: await testStore(config), logger: { level, stream } })
  await app.inject('/healthz?token=secret-in-query')
  return text
}

it('writes no line per request at info, so that the start-up notice stays in view', async () => {
  expect(await logsOf('info')).not.toMatch(/request|healthz/)
})

it('writes one line per request at debug, with the path but not the query string', async () => {
  const logs = await logsOf('debug')
  expect(logs).toMatch(/"msg":"request completed"/)
  expect(logs).toContain('"url":"/healthz"')
  expect(logs).not.toContain('secret-in-query')
})
