/**
 * Loads a registry document (agencies, life situations, services) in one
 * step: each entry is validated on its own, bad ones are reported by kind
 * and index with the reason, good ones are written. Entries equal to what
 * is stored are left alone, so importing the same document twice writes
 * nothing the second time.
 */
import type { z } from 'zod'
import type { Store } from '../storage/store.js'
import {
  NamedInputSchema,
  ServiceInputSchema,
  TARGET_KEYS,
  type ImportResult,
  type RegistryDocument,
} from '@otklik/contract/schemas'
import { namedRowOf, namedTables, type NamedRow, type NamedTable } from './named-entries.js'
import { listServiceRows, rowOf, serviceTable, type ServiceRow } from './services.js'
import { issueReason } from '@otklik/contract/schemas'

type Kind = ImportResult['rejected'][number]['kind']

export async function importRegistry(store: Store, doc: RegistryDocument): Promise<ImportResult> {
  const rejected: ImportResult['rejected'] = []
  const reject = (kind: Kind) => (index: number, reason: string) => rejected.push({ kind, index, reason })

  const named = async (table: NamedTable) => {
    const rows = validEntries(doc[table], reject(table), (raw) => NamedInputSchema.safeParse(raw), (id, v) => namedRowOf(id, v))
    const stored = new Map((await namedTables[table].list(store)).map((r) => [r.id, r]))
    const { changed, counts } = classify(rows, stored, sameNamed)
    await namedTables[table].insert(store, changed)
    return counts
  }
  const agencies = await named('agencies')
  const lifeSituations = await named('life_situations')

  const serviceRows = validEntries(doc.services, reject('services'), (raw) => ServiceInputSchema.safeParse(fromFlatTargets(raw)), rowOf)
  const storedServices = new Map((await listServiceRows(store)).map((r) => [r.id, r]))
  const { changed, counts: services } = classify(serviceRows, storedServices, sameService)
  await serviceTable.insert(store, changed)

  rejected.sort((a, b) => a.kind.localeCompare(b.kind) || a.index - b.index)
  return { agencies, life_situations: lifeSituations, services, rejected }
}

/**
 * Accepts `target_csat`-style and `owner_name` / `owner_contact` flat keys
 * (CSV columns, spreadsheets) beside the nested `targets` and `owner`
 * objects of the API.
 */
function fromFlatTargets(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  const out: Record<string, unknown> = {}
  const targets: Record<string, unknown> = {}
  const owner: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    const m = /^target_(.+)$/.exec(key)
    const name = m?.[1]
    if (name && (TARGET_KEYS as string[]).includes(name)) targets[name] = value
    else if (key === 'owner_name' || key === 'owner_contact') owner[key.slice('owner_'.length)] = value
    else out[key] = value
  }
  if (Object.keys(owner).length > 0) out.owner = owner
  if (Object.keys(targets).length > 0) {
    const nested = out.targets
    out.targets = typeof nested === 'object' && nested !== null ? { ...nested, ...targets } : targets
  }
  return out
}

function validEntries<V extends { id?: string | undefined }, R extends { id: string }>(
  entries: readonly unknown[],
  reject: (index: number, reason: string) => void,
  parse: (raw: unknown) => z.ZodSafeParseResult<V>,
  toRow: (id: string, value: V) => R,
): { index: number; row: R }[] {
  const out: { index: number; row: R }[] = []
  const firstAt = new Map<string, number>()
  entries.forEach((raw, index) => {
    const parsed = parse(raw)
    if (!parsed.success) return reject(index, issueReason(parsed.error.issues[0]))
    const id = parsed.data.id
    if (id === undefined) return reject(index, 'id: is required')
    const first = firstAt.get(id)
    if (first !== undefined) return reject(index, `id: ${id} appears again (first at entry ${first + 1})`)
    firstAt.set(id, index)
    out.push({ index, row: toRow(id, parsed.data) })
  })
  return out
}

function classify<R extends { id: string }>(rows: readonly { row: R }[], stored: Map<string, R>, same: (a: R, b: R) => boolean) {
  const counts = { added: 0, updated: 0, unchanged: 0 }
  const changed: R[] = []
  for (const { row } of rows) {
    const old = stored.get(row.id)
    if (!old) counts.added++
    else if (same(old, row)) {
      counts.unchanged++
      continue
    } else counts.updated++
    changed.push(row)
  }
  return { changed, counts }
}

const sameNamed = (a: NamedRow, b: NamedRow) => a.name_ru === b.name_ru && a.name_en === b.name_en

const sameService = (a: ServiceRow, b: ServiceRow) =>
  a.name_ru === b.name_ru &&
  a.name_en === b.name_en &&
  a.agency === b.agency &&
  a.life_situations.join('\n') === b.life_situations.join('\n') &&
  a.target_csat === b.target_csat &&
  a.target_nps === b.target_nps &&
  a.target_ces === b.target_ces &&
  a.target_completion === b.target_completion &&
  a.target_error_rate === b.target_error_rate &&
  a.owner_name === b.owner_name &&
  a.owner_contact === b.owner_contact
