/**
 * Content negotiation by q-values (RFC 9110 §12.4.2), shared by `Accept`
 * (JSON or CSV) and `Accept-Language` (ru or en): the choice with the
 * highest q wins, ties go to the one listed first, q=0 means "not this".
 */

/**
 * The preferred choice in a header such as `text/csv;q=0.9, application/json`.
 * `choose` maps one listed token (lower-cased, parameters removed) to a
 * choice, or undefined for tokens that are not on offer.
 */
export function preferred<T>(header: string | undefined, choose: (token: string) => T | undefined): T | undefined {
  if (!header) return undefined
  let best: { choice: T; q: number } | undefined
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';')
    const choice = choose(token.trim())
    if (choice === undefined) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!(q > 0)) continue
    if (!best || q > best.q) best = { choice, q }
  }
  return best?.choice
}
