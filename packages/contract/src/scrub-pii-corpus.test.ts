/**
 * Precision and recall of the scrubber (all rules, as the server runs them)
 * on the labelled corpus, per kind; the test fails below the bar.
 */
import { describe, expect, it } from 'vitest'
import { corpus } from './corpus/generate.js'
import { scrubAllPii } from './scrub-pii-people.js'
import { PII_KINDS, stripFormat, type PiiKind } from './scrub-pii.js'

/** Identifiers with a checksum or a fixed shape. */
const STRICT: readonly PiiKind[] = ['snils', 'inn', 'card', 'passport', 'phone', 'email']
const BAR = { strictRecall: 0.98, recall: 0.9, precision: 0.98 }

const items = corpus()
const stats = new Map<PiiKind, { tp: number; fn: number; fp: number }>(PII_KINDS.map((k) => [k, { tp: 0, fn: 0, fp: 0 }]))
let cleanKept = 0
let clean = 0
const misses: string[] = []
for (const item of items) {
  const out = scrubAllPii(item.text).text
  const placeholders = new Map<PiiKind, number>()
  for (const k of PII_KINDS) placeholders.set(k, out.split(`[${k}]`).length - 1)
  for (const { kind, value } of item.pii) {
    const s = stats.get(kind)!
    // Found: the value is gone and its kind's placeholder is there.
    const gone = !out.includes(stripFormat(value)) && (placeholders.get(kind) ?? 0) > 0
    if (gone) {
      s.tp++
      placeholders.set(kind, (placeholders.get(kind) ?? 0) - 1)
    } else {
      s.fn++
      misses.push(`${kind}: ${item.text} → ${out}`)
    }
  }
  for (const [kind, extra] of placeholders) if (extra > 0) {
    stats.get(kind)!.fp += extra
    misses.push(`false ${kind}: ${item.text} → ${out}`)
  }
  if (item.pii.length === 0) {
    clean++
    if (out === item.text) cleanKept++
  }
}

const sum = (f: (s: { tp: number; fn: number; fp: number }) => number, kinds: readonly PiiKind[] = PII_KINDS) => kinds.reduce((n, k) => n + f(stats.get(k)!), 0)
const recall = (kinds?: readonly PiiKind[]) => sum((s) => s.tp, kinds) / sum((s) => s.tp + s.fn, kinds)
const precision = () => sum((s) => s.tp) / sum((s) => s.tp + s.fp)

describe('the PII scrubber on a labelled corpus', () => {
  it('has at least 300 comments in Russian and English, many without personal data', () => {
    expect(items.length).toBeGreaterThanOrEqual(300)
    expect(items.filter((i) => i.lang === 'en').length).toBeGreaterThan(50)
    expect(clean).toBeGreaterThan(100)
  })

  it(`recall ≥ ${BAR.strictRecall} on identifiers with checksums or fixed shapes, ≥ ${BAR.recall} overall; precision ≥ ${BAR.precision}; ordinary text kept intact`, () => {
    const table = PII_KINDS.map((k) => {
      const s = stats.get(k)!
      return `${k.padEnd(10)} tp ${s.tp} fn ${s.fn} fp ${s.fp}  recall ${(s.tp / (s.tp + s.fn || 1)).toFixed(3)}  precision ${(s.tp / (s.tp + s.fp || 1)).toFixed(3)}`
    })
    console.log(`${table.join('\n')}\nstrict recall ${recall(STRICT).toFixed(3)}, recall ${recall().toFixed(3)}, precision ${precision().toFixed(3)}, clean kept ${cleanKept}/${clean}`)
    expect(recall(STRICT), misses.join('\n')).toBeGreaterThanOrEqual(BAR.strictRecall)
    expect(recall(), misses.join('\n')).toBeGreaterThanOrEqual(BAR.recall)
    expect(precision(), misses.join('\n')).toBeGreaterThanOrEqual(BAR.precision)
    expect(cleanKept, misses.join('\n')).toBe(clean)
    for (const k of PII_KINDS) expect(stats.get(k)!.tp, `${k} is in the corpus`).toBeGreaterThan(0)
  })
})
