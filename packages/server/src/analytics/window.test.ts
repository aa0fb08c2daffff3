import { describe, expect, it } from 'vitest'
import { parseWindow } from './filters.js'
import { pickLanguage } from './language.js'
import { parseInstant, previousWindow, splitDays } from './window.js'

const D = 86_400_000

describe('time windows', () => {
  it('parses ISO 8601 (a time without zone is UTC) and epoch milliseconds', () => {
    expect(parseInstant('2025-03-01')).toBe(Date.UTC(2025, 2, 1))
    expect(parseInstant('2025-03-01T12:30:00')).toBe(Date.UTC(2025, 2, 1, 12, 30))
    expect(parseInstant('2025-03-01T12:30:00.250+03:00')).toBe(Date.UTC(2025, 2, 1, 9, 30, 0, 250))
    expect(parseInstant('1740830400000')).toBe(1740830400000)
    // A year or a month alone is its first instant (ISO 8601 reduced precision).
    expect(parseInstant('2025')).toBe(Date.UTC(2025, 0, 1))
    expect(parseInstant('2025-02')).toBe(Date.UTC(2025, 1, 1))
    expect(parseInstant('0')).toBe(0)
    const bad = ['yesterday', '2025-13-01', '2025-02-30', '2025-13', '01.03.2025', '', '2025-03-01T25:00:00Z', '2025-03-01T24:00', '123', '8640000000000001', '9000000000000']
    for (const b of bad) expect(parseInstant(b), b).toBeUndefined()
  })

  it('defaults to the last 28 days and rejects an empty or reversed window', () => {
    const now = Date.UTC(2025, 5, 1, 13)
    expect(parseWindow(undefined, undefined, now)).toEqual({ from: now - 28 * D, to: now })
    expect(parseWindow('2025-05-01', undefined, now)).toEqual({ from: Date.UTC(2025, 4, 1), to: now })
    expect(() => parseWindow('2025-05-02', '2025-05-01', now)).toThrow(/before/)
    expect(() => parseWindow('2025-05-01', '2025-05-01', now)).toThrow(/before/)
  })

  it('splits a window into whole UTC days (rollups) and partial edges (raw events)', () => {
    const from = Date.UTC(2025, 0, 1, 6)
    const to = Date.UTC(2025, 0, 4, 18)
    expect(splitDays({ from, to })).toEqual({ dayFrom: '2025-01-02', dayTo: '2025-01-04', dayFromMs: Date.UTC(2025, 0, 2), dayToMs: Date.UTC(2025, 0, 4) })
    // Inside one day, or raw on request: no whole day.
    expect(splitDays({ from, to: from + 3_600_000 }).dayFrom).toBe(splitDays({ from, to: from + 3_600_000 }).dayTo)
    expect(splitDays({ from, to }, 'raw').dayFromMs).toBe(splitDays({ from, to }, 'raw').dayToMs)
    expect(previousWindow({ from: 100, to: 150 })).toEqual({ from: 50, to: 100 })
  })
})

describe('language', () => {
  it('picks ru or en from Accept-Language by q-value, Russian by default', () => {
    expect(pickLanguage(undefined)).toBe('ru')
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en')
    expect(pickLanguage('de-DE,en;q=0.5,ru;q=0.8')).toBe('ru')
    expect(pickLanguage('fr')).toBe('ru')
    expect(pickLanguage('ru', 'en')).toBe('en')
  })
})
