/**
 * What a fresh data directory gets: the `demo` site (allowed from the
 * server's own origin) and, unless OTKLIK_ADMIN_TOKEN is set, an admin token
 * shown once.
 */
import type { Config } from './config.js'
import { createSite, getSite, normalizeOrigin } from './registry/sites.js'
import { createToken } from './registry/tokens.js'
import type { Store } from './storage/store.js'

export const DEMO_SITE = 'demo'

/** The origins a browser may use for this server (loopback has two names). */
export function ownOrigins(config: Pick<Config, 'host' | 'port'>): string[] {
  const loopback = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'].includes(config.host)
  const hosts = loopback ? ['127.0.0.1', 'localhost'] : [config.host]
  return hosts.map((h) => normalizeOrigin(`http://${h}:${config.port}`))
}

export interface FirstStart {
  adminToken?: string
}

export async function setUpFirstStart(store: Store, config: Readonly<Config>): Promise<FirstStart> {
  if (!(await getSite(store, DEMO_SITE))) {
    await createSite(store, { key: DEMO_SITE, kind: 'web', name: 'Demo government service', origins: ownOrigins(config) })
  }
  if (config.adminToken) return {}
  const { token } = await createToken(store, 'admin', 'first start')
  return { adminToken: token }
}

/** Keeps the demo site reachable from this server when HOST or PORT change. */
export async function refreshDemoOrigins(store: Store, config: Readonly<Config>): Promise<void> {
  const site = await getSite(store, DEMO_SITE)
  if (!site || site.kind !== 'web') return
  const missing = ownOrigins(config).filter((o) => !site.origins.includes(o))
  if (missing.length === 0) return
  await store.insert('sites', [{ ...site, origins: [...site.origins, ...missing] }])
}
