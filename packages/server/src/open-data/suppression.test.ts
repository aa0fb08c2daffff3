import { describe, expect, it } from 'vitest'
import { determinedCells, suppress, type Cell, type Relation } from './suppression.js'

const cells = (...values: number[]): Cell[] => values.map((value) => ({ value }))
const hidden = (cs: Cell[]) => cs.flatMap((c, i) => (c.suppressed ? [i] : []))

describe('suppress', () => {
  it('suppresses cells below k and nothing else when no relation exposes them', () => {
    const cs = cells(5, 50, 12)
    suppress(cs, [], 10)
    expect(hidden(cs)).toEqual([0])
    expect(cs[0]?.suppressed).toBe('below_k')
  })

  it('a lone suppressed part of a published total gets a complementary partner, the smallest published part', () => {
    // total = a + b + c
    const cs = cells(100, 4, 60, 36)
    const rel: Relation[] = [{ total: 0, parts: [1, 2, 3] }]
    suppress(cs, rel, 10)
    expect(hidden(cs)).toEqual([1, 3])
    expect(cs[3]?.suppressed).toBe('complementary')
    expect(determinedCells(cs, rel).size).toBe(0)
  })

  it('two small parts whose sum is still below k are not enough: a third cell goes', () => {
    const cs = cells(100, 3, 4, 93)
    suppress(cs, [{ total: 0, parts: [1, 2, 3] }], 10)
    expect(hidden(cs)).toEqual([0, 1, 2, 3].filter((i) => cs[i]?.suppressed))
    expect(hidden(cs)).toContain(3)
  })

  it('in a table with row and column totals no suppressed cell is determined', () => {
    // 3x3 inner cells + row totals + column totals + grand total.
    const inner = [
      [40, 3, 55],
      [30, 25, 20],
      [15, 44, 61],
    ]
    const values: number[] = []
    const idx = (r: number, c: number) => r * 4 + c
    for (const row of inner) values.push(...row, row.reduce((a, b) => a + b, 0))
    const colTotals = [0, 1, 2].map((c) => inner.reduce((s, row) => s + (row[c] ?? 0), 0))
    values.push(...colTotals, colTotals.reduce((a, b) => a + b, 0))
    const cs = cells(...values)
    const rel: Relation[] = [
      ...[0, 1, 2, 3].map((r) => ({ total: idx(r, 3), parts: [0, 1, 2].map((c) => idx(r, c)) })),
      ...[0, 1, 2, 3].map((c) => ({ total: idx(3, c), parts: [0, 1, 2].map((r) => idx(r, c)) })),
    ]
    suppress(cs, rel, 10)
    expect(cs[idx(0, 1)]?.suppressed).toBe('below_k')
    expect(determinedCells(cs, rel).size).toBe(0)
    expect(hidden(cs).length).toBeGreaterThanOrEqual(4)
  })

  it('a larger k only adds to the pattern of a smaller one', () => {
    const rel: Relation[] = [{ total: 0, parts: [1, 2, 3] }]
    const base = cells(100, 8, 30, 62)
    suppress(base, rel, 10)
    const bigger = base.map((c) => ({ ...c }))
    suppress(bigger, rel, 40)
    for (const i of hidden(base)) expect(bigger[i]?.suppressed).toBeDefined()
    expect(determinedCells(bigger, rel).size).toBe(0)
  })
})
