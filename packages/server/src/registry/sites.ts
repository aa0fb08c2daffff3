/**
 * Sites: where events come from. A `web` site is identified by its public
 * key and checked against its allowed origins; an `app` site (mobile app,
 * MFC kiosk, call-centre system) proves itself with a secret key instead.
 */
import { hashSecret, randomKey, randomSecret, sameHash } from '../auth/secrets.js'
import type { Store } from '../storage/store.js'

export type SiteKind = 'web' | 'app'

/**
 * Which services a site's events may name: any (unregistered ones capped a
 * day, see ingest/forgery/service-guard.ts), only registered ones, or a list.
 */
export type ServicePolicy = 'any' | 'registered' | string[]

export interface Site {
  key: string
  kind: SiteKind
  name: string
  origins: string[]
  sampling: number
  secret_hash: string
  services: ServicePolicy
}

export interface NewSite {
  kind: SiteKind
  name: string
  origins?: string[]
  key?: string
  sampling?: number
  services?: ServicePolicy
}

/**
 * Normalises an allowed origin as browsers send it: scheme and host in lower
 * case, no default port, no path (`https://*.host` allows every subdomain).
 */
export function normalizeOrigin(origin: string): string {
  const m = /^(https?):\/\/(\*\.)?([^/?#@\s*]+?)\/?$/i.exec(origin.trim())
  const parsed = m?.[1] && m[3] ? parseOrigin(`${m[1]}://${m[3]}`) : undefined
  if (!parsed) throw new InvalidOriginError(origin)
  return `${parsed.protocol}//${m?.[2] ?? ''}${parsed.host}`
}

/** The URL of an Origin header, or undefined when it is not a plain http(s) origin. */
function parseOrigin(origin: string): URL | undefined {
  if (!URL.canParse(origin)) return undefined
  const url = new URL(origin)
  const plain = (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.pathname === '/' && !url.search && !url.hash
  return plain ? url : undefined
}

export function originAllowed(site: Pick<Site, 'origins'>, origin: string): boolean {
  const url = parseOrigin(origin)
  if (!url) return false
  return site.origins.some((allowed) => {
    const star = allowed.indexOf('://*.')
    if (star === -1) return allowed === url.origin
    // `https://*.example.gov.ru[:port]`: same scheme and port, a host below it.
    const rule = new URL(allowed.replace('://*.', '://'))
    return url.protocol === rule.protocol && url.port === rule.port && url.hostname.endsWith(`.${rule.hostname}`)
  })
}

export async function createSite(store: Store, input: NewSite): Promise<{ site: Site; secret?: string }> {
  const key = input.key ?? randomKey()
  if (await getSite(store, key)) throw new SiteExistsError(key)
  const secret = input.kind === 'app' ? `ots_${randomSecret()}` : undefined
  const site: Site = {
    key,
    kind: input.kind,
    name: input.name,
    origins: (input.origins ?? []).map(normalizeOrigin),
    sampling: input.sampling ?? 1,
    secret_hash: secret ? hashSecret(secret) : '',
    services: input.services ?? 'any',
  }
  const { services, ...row } = site
  await store.insert('sites', [{ ...row, settings: JSON.stringify({ services }) }])
  return secret ? { site, secret } : { site }
}

export class InvalidOriginError extends Error {
  constructor(origin: string) {
    super(`not an origin: ${JSON.stringify(origin)} (expected like https://example.gov.ru)`)
  }
}

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the registry could not be read', { cause })
  }
}

export class SiteExistsError extends Error {
  constructor(key: string) {
    super(`a site with key ${key} exists already`)
  }
}

const SELECT = (store: Store) =>
  `SELECT key, kind, name, origins, sampling, secret_hash, settings FROM ${store.table('sites')} FINAL WHERE deleted = 0`

type SiteRow = Omit<Site, 'services'> & { settings: string }

function fromRow({ settings, ...row }: SiteRow): Site {
  let services: ServicePolicy = 'any'
  try {
    const parsed = (JSON.parse(settings) as { services?: unknown }).services
    if (parsed === 'registered' || (Array.isArray(parsed) && parsed.every((s) => typeof s === 'string'))) services = parsed as ServicePolicy
  } catch {
    // Settings written before they held anything: no restriction.
  }
  return { ...row, services }
}

export async function getSite(store: Store, key: string): Promise<Site | undefined> {
  const [site] = await store.query<SiteRow>(`${SELECT(store)} AND key = {key:String}`, { key })
  return site && fromRow(site)
}

export async function listSites(store: Store): Promise<Site[]> {
  return (await store.query<SiteRow>(`${SELECT(store)} ORDER BY key LIMIT 10000`)).map(fromRow)
}

export const appSecretMatches = (site: Site, secret: string): boolean => site.secret_hash !== '' && sameHash(secret, site.secret_hash)

const CACHE_MS = 5000
const CACHE_LIMIT = 10_000

/**
 * Sites by key for the ingestion hot path: a short-lived cache (unknown keys
 * included, so a flood of bad keys costs no queries). While ClickHouse is
 * unreachable a known site keeps its last answer, however old, so that its
 * events still reach the spool; a site never seen is a 503, not a 500.
 */
export class SiteCache {
  private entries = new Map<string, { site: Site | undefined; at: number }>()
  private refreshing = new Map<string, Promise<Site | undefined>>()

  constructor(
    private readonly store: Store,
    private readonly ttlMs = CACHE_MS,
  ) {}

  /**
   * The site, from the cache when fresh. A stale entry is answered at once
   * while one refresh runs in the background (under load, every request
   * would otherwise wait for the read, queued behind inserts); a site not
   * seen yet waits for the one read that all its concurrent requests share.
   */
  async get(key: string): Promise<Site | undefined> {
    const hit = this.entries.get(key)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.site
    const refresh = this.refresh(key)
    if (hit) {
      refresh.catch(() => {})
      return hit.site
    }
    return refresh
  }

  private refresh(key: string): Promise<Site | undefined> {
    const running = this.refreshing.get(key)
    if (running) return running
    const now = Date.now()
    const read: Promise<Site | undefined> = getSite(this.store, key)
      .then((site) => {
        // A read overtaken by forget() must not bring back what was forgotten.
        if (this.refreshing.get(key) !== read) return site
        if (this.entries.size >= CACHE_LIMIT) this.entries.clear()
        this.entries.set(key, { site, at: now })
        return site
      })
      .catch((err: unknown) => {
        throw new StorageUnavailableError(err)
      })
      .finally(() => {
        if (this.refreshing.get(key) === read) this.refreshing.delete(key)
      })
    this.refreshing.set(key, read)
    return read
  }

  forget(key: string): void {
    this.entries.delete(key)
    this.refreshing.delete(key)
  }
}
