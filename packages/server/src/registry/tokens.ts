/**
 * API tokens: `otk_<id>_<secret>`. The id finds the row; only the hash of
 * the whole token is stored, so a token is shown once, when created.
 */
import { hashSecret, randomKey, randomSecret, sameHash } from '../auth/secrets.js'
import type { Scope } from '../auth/scopes.js'
import type { Store } from '../storage/store.js'

export interface TokenInfo {
  id: string
  scope: Scope
  name: string
  /** A token of one agency sees and acts on that agency's flags only. */
  agency?: string | undefined
}

const TOKEN = /^otk_([a-z0-9]{10})_([A-Za-z0-9_-]{16,})$/
const CACHE_MS = 10_000

export async function createToken(store: Store, scope: Scope, name: string, agency?: string): Promise<TokenInfo & { token: string }> {
  const id = randomKey(10)
  const token = `otk_${id}_${randomSecret()}`
  await store.insert('api_tokens', [{ id, hash: hashSecret(token), scope, name, agency: agency ?? '' }])
  return { id, scope, name, ...(agency ? { agency } : {}), token }
}

const infoOf = (row: { id: string; scope: Scope; name: string; agency?: string }): TokenInfo => ({
  id: row.id,
  scope: row.scope,
  name: row.name,
  ...(row.agency ? { agency: row.agency } : {}),
})

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  const rows = await store.query<TokenInfo & { agency: string }>(`SELECT id, scope, name, agency FROM ${store.table('api_tokens')} FINAL WHERE deleted = 0 ORDER BY id LIMIT 10000`)
  return rows.map(infoOf)
}

export async function revokeToken(store: Store, id: string): Promise<boolean> {
  const [row] = await store.query<{ id: string; hash: string; scope: string; name: string; agency: string }>(
    `SELECT id, hash, scope, name, agency FROM ${store.table('api_tokens')} FINAL WHERE id = {id:String} AND deleted = 0`,
    { id },
  )
  if (!row) return false
  await store.insert('api_tokens', [{ ...row, deleted: 1 }])
  return true
}

/**
 * Checks bearer tokens: the configured admin token, tokens issued for this
 * process (the local CLI's), and stored tokens (cached briefly: a token
 * revoked through this process stops at once, one revoked through another
 * within CACHE_MS).
 */
export class TokenVerifier {
  private cache = new Map<string, { row: (TokenInfo & { hash: string }) | undefined; at: number }>()
  private extra: { hash: string; info: TokenInfo }[] = []

  constructor(
    private readonly store: Store,
    adminToken?: string,
  ) {
    if (adminToken) this.allow(adminToken, { id: 'env', scope: 'admin', name: 'OTKLIK_ADMIN_TOKEN' })
  }

  /** Accepts a token that is not stored (the env admin token, the local CLI's). */
  allow(token: string, info: TokenInfo): void {
    this.extra.push({ hash: hashSecret(token), info })
  }

  /** Drops a token's cached row, so that its next use reads the registry again. */
  forget(id: string): void {
    this.cache.delete(id)
  }

  async verify(token: string): Promise<TokenInfo | undefined> {
    for (const e of this.extra) if (sameHash(token, e.hash)) return e.info
    const m = TOKEN.exec(token)
    if (!m?.[1]) return undefined
    const row = await this.lookup(m[1])
    return row && sameHash(token, row.hash) ? infoOf(row) : undefined
  }

  private async lookup(id: string) {
    const now = Date.now()
    const hit = this.cache.get(id)
    if (hit && now - hit.at < CACHE_MS) return hit.row
    const [row] = await this.store.query<TokenInfo & { hash: string; agency: string }>(
      `SELECT id, hash, scope, name, agency FROM ${this.store.table('api_tokens')} FINAL WHERE id = {id:String} AND deleted = 0`,
      { id },
    )
    if (this.cache.size > 10_000) this.cache.clear()
    this.cache.set(id, { row, at: now })
    return row
  }
}
