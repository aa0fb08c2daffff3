/**
 * Every route the app registers, with the access it declares, collected by
 * an `onRoute` hook added before any plugin: the auth test walks this list
 * so that no route can be forgotten.
 */
import type { FastifyInstance } from 'fastify'
import type { Access } from './scopes.js'

export interface RouteEntry {
  method: string
  url: string
  access: Access | undefined
  /** Left out of the OpenAPI document (`schema.hide`). */
  hidden: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: readonly RouteEntry[]
  }
}

export function collectRoutes(app: FastifyInstance): void {
  const list: RouteEntry[] = []
  app.decorate('routeList', list)
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true
    // Read when asked: an onRoute hook of a plugin (static files) may set the access after this one ran.
    for (const method of [route.method].flat())
      list.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access
        },
        hidden,
      })
  })
}
