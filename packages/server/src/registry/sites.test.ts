import { describe, expect, it } from 'vitest'
import { normalizeOrigin, originAllowed } from './sites.js'

describe('allowed origins', () => {
  it('are normalised as browsers send them', () => {
    expect(normalizeOrigin('HTTPS://Gov.Example.RU/')).toBe('https://gov.example.ru')
    expect(normalizeOrigin('https://gov.example.ru:443')).toBe('https://gov.example.ru')
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080')
    expect(normalizeOrigin('https://*.region.example')).toBe('https://*.region.example')
    for (const bad of ['gov.example.ru', 'ftp://gov.example.ru', 'https://gov.example.ru/path', 'https://user@gov.example.ru', 'https://', 'https://*']) {
      expect(() => normalizeOrigin(bad), bad).toThrow(/not an origin/)
    }
  })

  it('match exactly, or below a wildcard with the same scheme and port', () => {
    const site = { origins: [normalizeOrigin('https://gov.example.ru:443'), normalizeOrigin('https://*.region.example')] }
    expect(originAllowed(site, 'https://gov.example.ru')).toBe(true)
    expect(originAllowed(site, 'https://GOV.example.ru')).toBe(true)
    expect(originAllowed(site, 'http://gov.example.ru')).toBe(false)
    expect(originAllowed(site, 'https://moscow.region.example')).toBe(true)
    expect(originAllowed(site, 'https://a.b.region.example')).toBe(true)
    expect(originAllowed(site, 'https://region.example')).toBe(false)
    expect(originAllowed(site, 'https://moscow.region.example:8443')).toBe(false)
    expect(originAllowed(site, 'https://evilregion.example')).toBe(false)
    expect(originAllowed(site, 'https://evil#.region.example')).toBe(false)
    expect(originAllowed(site, 'https://evil.test/.region.example')).toBe(false)
    expect(originAllowed(site, 'null')).toBe(false)
  })
})
