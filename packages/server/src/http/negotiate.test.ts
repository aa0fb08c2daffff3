import { describe, expect, it } from 'vitest'
import { preferred } from './negotiate.js'

const format = (token: string) => (token === 'text/csv' ? 'csv' : token === 'application/json' ? 'json' : undefined)

describe('preferred (q-values)', () => {
  it('takes the highest q, whatever the order', () => {
    expect(preferred('application/json;q=0.5, text/csv', format)).toBe('csv')
    expect(preferred('text/csv;q=0.4,application/json;q=0.9', format)).toBe('json')
  })

  it('breaks ties by the order listed and ignores what is not on offer', () => {
    expect(preferred('text/html, application/json, text/csv', format)).toBe('json')
    expect(preferred('text/html', format)).toBeUndefined()
    expect(preferred(undefined, format)).toBeUndefined()
  })

  it('treats q=0 and unreadable q as refusal, and is case- and space-insensitive', () => {
    expect(preferred('text/csv;q=0, application/json;q=0.1', format)).toBe('json')
    expect(preferred('TEXT/CSV ; q=1.0', format)).toBe('csv')
    expect(preferred('text/csv;q=abc', format)).toBeUndefined()
  })
})
