/**
 * Small-cell suppression for published counts (statistical disclosure
 * control). A cell below `k` people is suppressed (primary); then, while
 * any suppressed cell can still be worked out from the published ones
 * through the table's additive relations (a total and its parts), another
 * cell of that relation is suppressed too (complementary), the smallest
 * published one first, so the least information is lost.
 *
 * "Can be worked out" is decided exactly: the relations restricted to the
 * suppressed cells form a linear system, and a cell is determined when the
 * reduced row echelon form has a row that names it alone. A second rule
 * keeps what *is* derivable coarse: where a relation's total is published,
 * its suppressed parts together must hold 0 or at least `k` people.
 */
export type Reason = 'below_k' | 'complementary'

export interface Cell {
  value: number
  suppressed?: Reason
}

/** `total = sum(parts)`, by cell index. */
export interface Relation {
  total: number
  parts: number[]
  /** Which to give up first for a complementary suppression (default: the parts, keeping the total). */
  spare?: 'total' | 'parts'
}

const EPS = 1e-9

/**
 * Marks cells suppressed, in place. Cells already suppressed stay so: pass
 * the pattern of the smallest k first, and a larger k only ever adds to it
 * (so publications for different k never combine into a disclosure).
 */
export function suppress(cells: Cell[], relations: readonly Relation[], k: number): void {
  for (const c of cells) if (!c.suppressed && c.value < k) c.suppressed = 'below_k'
  for (let guard = 0; guard <= cells.length; guard++) {
    const exposed = exposedRelation(cells, relations, k)
    if (!exposed) return
    const pick = cheapestPublished(cells, exposed)
    if (pick === undefined) return // everything in it is suppressed already
    ;(cells[pick] as Cell).suppressed = 'complementary'
  }
}

/** A relation through which a suppressed cell is exposed, if any. */
function exposedRelation(cells: readonly Cell[], relations: readonly Relation[], k: number): Relation | undefined {
  const hidden = (i: number) => cells[i]?.suppressed !== undefined
  for (const r of relations) {
    if (hidden(r.total)) continue
    const parts = r.parts.filter(hidden)
    if (parts.length === 0) continue
    const rest = (cells[r.total]?.value ?? 0) - r.parts.filter((i) => !hidden(i)).reduce((s, i) => s + (cells[i]?.value ?? 0), 0)
    if (parts.length === 1 || rest < k) return r
  }
  const determined = determinedCells(cells, relations)
  return relations.find((r) => [r.total, ...r.parts].some((i) => determined.has(i)))
}

function cheapestPublished(cells: readonly Cell[], r: Relation): number | undefined {
  const order = (ids: number[]) => ids.filter((i) => !cells[i]?.suppressed).sort((a, b) => (cells[a]?.value ?? 0) - (cells[b]?.value ?? 0))
  return r.spare === 'total' ? (order([r.total])[0] ?? order(r.parts)[0]) : (order(r.parts)[0] ?? order([r.total])[0])
}

/** Suppressed cells whose value follows from the published ones. */
export function determinedCells(cells: readonly Cell[], relations: readonly Relation[]): Set<number> {
  const unknowns = cells.flatMap((c, i) => (c.suppressed ? [i] : []))
  const column = new Map(unknowns.map((cell, j) => [cell, j]))
  const rows = relations.map((r) => {
    const row = new Array<number>(unknowns.length).fill(0)
    const add = (i: number, sign: number) => {
      const j = column.get(i)
      if (j !== undefined) row[j] = (row[j] ?? 0) + sign
    }
    add(r.total, 1)
    for (const p of r.parts) add(p, -1)
    return row
  })
  // Gauss-Jordan elimination to reduced row echelon form.
  let lead = 0
  for (let col = 0; col < unknowns.length && lead < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= lead && Math.abs(row[col] ?? 0) > EPS)
    if (pivot === -1) continue
    ;[rows[lead], rows[pivot]] = [rows[pivot] as number[], rows[lead] as number[]]
    const p = rows[lead] as number[]
    const scale = p[col] as number
    for (let j = 0; j < p.length; j++) p[j] = (p[j] as number) / scale
    for (const [i, row] of rows.entries()) {
      if (i === lead) continue
      const f = row[col] ?? 0
      if (Math.abs(f) > EPS) for (let j = 0; j < row.length; j++) row[j] = (row[j] as number) - f * (p[j] as number)
    }
    lead++
  }
  const determined = new Set<number>()
  for (const row of rows) {
    const nonzero = row.flatMap((v, j) => (Math.abs(v) > EPS ? [j] : []))
    if (nonzero.length === 1) determined.add(unknowns[nonzero[0] as number] as number)
  }
  return determined
}
