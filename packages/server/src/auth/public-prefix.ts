/**
 * Routes that third-party plugins register (Swagger UI's page and assets)
 * cannot declare `config.access` themselves; this marks every route under a
 * prefix public as it is added, so the fail-closed auth hook lets them be.
 */
import type { FastifyInstance } from 'fastify'

export function markPublic(app: FastifyInstance, prefix: string): void {
  app.addHook('onRoute', (route) => {
    if (route.url !== prefix && !route.url.startsWith(`${prefix}/`)) return
    route.config = { ...route.config, access: route.config?.access ?? 'public' }
  })
}
