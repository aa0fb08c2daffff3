import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvField, flatten, toCsv } from './csv.js'

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes, and ends lines with CRLF', () => {
    const csv = toCsv([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' }])
    expect(csv).toBe('a,b,c,d\r\nplain,"with, comma","say ""hi""","two\nlines"\r\n')
    expect(parse(csv, { columns: true })).toEqual([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' }])
  })

  it('writes null as an empty field and numbers and booleans as in JSON', () => {
    expect(toCsv([{ a: null, b: -0.25, c: true, d: 12 }])).toBe('a,b,c,d\r\n,-0.25,true,12\r\n')
  })

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('-1 плохо')).toBe("'-1 плохо")
    expect(csvField(-1)).toBe('-1')
  })

  it('flattens nested objects to dotted columns and arrays to JSON, with the union of columns', () => {
    const rows = [flatten({ service: 's', csat: { value: 0.5, n: 2 }, interval: [0.1, 0.9] }), flatten({ service: 't', extra: 'x' })]
    expect(rows[0]).toEqual({ service: 's', 'csat.value': 0.5, 'csat.n': 2, interval: '[0.1,0.9]' })
    expect(toCsv(rows)).toBe('service,csat.value,csat.n,interval,extra\r\ns,0.5,2,"[0.1,0.9]",\r\nt,,,,x\r\n')
  })

  it('writes only the header for no records', () => {
    expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n')
  })
})
