/**
 * Webhook subscriptions (admin): add, list, delete, and each one's delivery
 * log. A secret is taken once and never shown again.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errors } from '../errors.js'
import { FLAG_EVENTS } from '@otklik/contract/rules'
import { createWebhook, deleteWebhook, deliveryLog, listWebhooks } from './subscriptions.js'

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .refine((u) => {
    const url = new URL(u)
    return url.username === '' && url.password === ''
  }, 'must not carry a user name or password (use the secret to authenticate Otklik)')

const NewWebhook = z
  .object({
    url: WebhookUrl,
    secret: z.string().min(16, 'must be at least 16 characters').max(200).describe('signs every delivery: X-Otklik-Signature: sha256=<hex HMAC-SHA256 of the raw body>'),
    events: z.array(z.enum(FLAG_EVENTS)).max(FLAG_EVENTS.length).default([]).describe('the events to send; empty = all'),
  })
  .strict()

const WebhookSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), created_at: z.string() })
const Params = z.object({ id: z.string().max(64) })
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
const view = (h: { id: string; url: string; events: string[]; created_at: number }) => ({ ...h, created_at: iso(h.created_at) as string })

const DeliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  last_code: z.number().int().describe('HTTP status of the last attempt; 0 = no answer'),
  last_error: z.string(),
  created_at: z.string(),
  next_at: z.string().nullable().describe('next attempt of a pending delivery'),
  delivered_at: z.string().nullable(),
})

export const webhookRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, now: clock } = app.otklik
  const config = { access: 'admin' } as const
  const tags = ['webhooks']

  app.post(
    '/webhooks',
    {
      config,
      schema: {
        tags,
        summary: 'Subscribe a URL to flag events',
        description: `Events: ${FLAG_EVENTS.join(', ')}. Each delivery is a POST of { id, type, flag, at } with X-Otklik-Signature, X-Otklik-Delivery (the delivery id, the same on every retry) and X-Otklik-Event; a non-2xx answer or none is retried with back-off (10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h), and pending deliveries survive a restart.`,
        body: NewWebhook,
        response: { 201: WebhookSchema },
      },
    },
    async (request, reply) => reply.code(201).send(view(await createWebhook(store, request.body, clock()))),
  )

  app.get('/webhooks', { config, schema: { tags, summary: 'List webhooks (never their secrets)', response: { 200: z.object({ webhooks: z.array(WebhookSchema) }) } } }, async () => ({
    webhooks: (await listWebhooks(store)).map(view),
  }))

  app.delete('/webhooks/:id', { config, schema: { tags, summary: 'Delete a webhook; its pending deliveries stop', params: Params } }, async (request, reply) => {
    if (!(await deleteWebhook(store, request.params.id))) throw errors.notFound('webhook')
    return reply.code(204).send()
  })

  app.get(
    '/webhooks/:id/deliveries',
    { config, schema: { tags, summary: "A webhook's delivery log, newest first (last 100)", params: Params, response: { 200: z.object({ deliveries: z.array(DeliverySchema) }) } } },
    async (request) => {
      if (!(await listWebhooks(store)).some((h) => h.id === request.params.id)) throw errors.notFound('webhook')
      const log = await deliveryLog(store, request.params.id)
      return {
        deliveries: log.map((d) => ({
          ...d,
          created_at: iso(d.created_at) as string,
          next_at: d.status === 'pending' ? iso(d.next_at) : null,
          delivered_at: iso(d.delivered_at),
        })),
      }
    },
  )
}
