/**
 * The HTTP ceiling of `otklik bench ingest`: a bare Fastify handler that
 * parses the body as Otklik's route does and answers 202, in a process of
 * its own like the server. Prints its URL on the first line of stdout.
 */
import Fastify from 'fastify'
import { LIMITS } from '@otklik/contract/rules'

const app = Fastify({ bodyLimit: LIMITS.maxBodyBytes })
app.post('/v1/events', async (request, reply) => {
  const events = (request.body as { events?: unknown[] } | null)?.events
  return reply.code(202).send({ accepted: Array.isArray(events) ? events.length : 0, rejected: [] })
})
const url = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`${url}\n`)
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
