/**
 * The shape of analytics responses as CSV: nested objects become dotted
 * columns (`csat.value`), arrays their JSON text in one cell, and a list
 * response's columns come from its zod schema, so that an empty result
 * still has its header row. The writing itself is `http/csv.ts`.
 */
import { ZodArray, ZodDefault, ZodEnum, ZodNullable, ZodObject, ZodOptional, ZodRecord, type z } from 'zod'
import type { CsvRecord } from '../http/csv.js'

/** Flattens nested objects into dotted keys; arrays become JSON text. */
export function flatten(value: Record<string, unknown>, prefix = '', out: CsvRecord = {}): CsvRecord {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (v === undefined) continue
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v
    else if (Array.isArray(v)) out[name] = JSON.stringify(v)
    else if (typeof v === 'object') flatten(v as Record<string, unknown>, name, out)
    else out[name] = String(v)
  }
  return out
}

/**
 * The CSV columns of a list response's records, from its zod schema: the
 * first array in the object, its element flattened like `flatten` does. So
 * an empty result still has its header row.
 */
export function columnsOfList(response: z.ZodType): string[] | undefined {
  const shape = objectShape(response)
  const list = shape && Object.values(shape).map(unwrap).find((s) => s instanceof ZodArray)
  return list instanceof ZodArray ? flatColumns(list.element as z.ZodType, '') : undefined
}

export function flatColumns(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema)
  // A record keyed by an enum has a known set of keys: one column each.
  if (inner instanceof ZodRecord && inner.keyType instanceof ZodEnum) {
    return (inner.keyType.options as string[]).flatMap((key) => flatColumns(inner.valueType as z.ZodType, prefix ? `${prefix}.${key}` : key))
  }
  const shape = objectShape(schema)
  if (!shape) return prefix ? [prefix] : []
  return Object.entries(shape).flatMap(([key, child]) => flatColumns(child as z.ZodType, prefix ? `${prefix}.${key}` : key))
}

const objectShape = (schema: z.ZodType) => {
  const s = unwrap(schema)
  return s instanceof ZodObject ? (s.shape as Record<string, z.ZodType>) : undefined
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  while (s instanceof ZodOptional || s instanceof ZodNullable || s instanceof ZodDefault) s = s.unwrap() as z.ZodType
  return s
}
