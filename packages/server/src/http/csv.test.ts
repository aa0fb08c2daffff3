import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { flatten } from '../analytics/csv-columns.js'
import { csvField, toCsv } from './csv.js'

describe('CSV writer', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes, and ends lines with CRLF', () => {
    const csv = toCsv([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' }])
    expect(csv).toBe('a,b,c,d\r\nplain,"with, comma","say ""hi""","two\nlines"\r\n')
    expect(parse(csv, { columns: true })).toEqual([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: 'two\nlines' }])
  })

  it('quotes a field holding a semicolon or a tab, so that readers splitting on either keep it in one cell', () => {
    const record = { service: 'passport-rf', comment: 'долго; очень\tдолго', n: 3 }
    const csv = toCsv([record])
    expect(csv).toBe('service,comment,n\r\npassport-rf,"долго; очень\tдолго",3\r\n')
    expect(parse(csv, { columns: true })).toEqual([{ service: 'passport-rf', comment: 'долго; очень\tдолго', n: '3' }])
    // A reader that splits on `;` or tab (a spreadsheet in a Russian locale) keeps the quoted value whole.
    const column = toCsv([{ comment: 'a,b;c\td' }], ['comment'])
    for (const delimiter of [',', ';', '\t']) expect(parse(column, { delimiter, columns: true })).toEqual([{ comment: 'a,b;c\td' }])
  })

  it('writes null as an empty field and numbers and booleans as in JSON', () => {
    expect(toCsv([{ a: null, b: -0.25, c: true, d: 12 }])).toBe('a,b,c,d\r\n,-0.25,true,12\r\n')
  })

  it('defuses text that a spreadsheet would run as a formula (= + - @ tab CR), but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField('+7 999')).toBe("'+7 999")
    expect(csvField('-1 плохо')).toBe("'-1 плохо")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\t=1')).toBe('"\'\t=1"')
    expect(csvField('\r=1')).toBe('"\'\r=1"')
    expect(csvField('a=b')).toBe('a=b')
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
