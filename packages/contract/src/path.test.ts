import { describe, expect, it } from 'vitest'
import { cleanPath, scrubPath } from './path.js'

describe('scrubPath', () => {
  it.each([
    ['/users/ivan.petrov@mail.ru/profile', '/users/[email]/profile'],
    ['/users/ivan.petrov%40mail.ru', '/users/[email]'],
    ['/call/+79123456789', '/call/[phone]'],
    ['/call/8-912-345-67-89', '/call/[phone]'],
    ['/call/%2B7%20(912)%20345-67-89', '/call/[phone]'],
    ['/orders/12345678/status', '/orders/[number]/status'],
    ['/snils/112-233-445-95', '/snils/[number]'],
    ['/application-4111111111111111', '/application-[number]'],
  ])('%s → %s', (raw, want) => expect(scrubPath(raw)).toBe(want))

  it.each(['/services/passport-rf/step-2', '/services/1042', '/news/2024/03/12', '/docs/v1.2.3', '/', '/a%ZZb', '/контакты'])('keeps %s', (path) =>
    expect(scrubPath(path)).toBe(path),
  )

  it('runs after the query string is cut', () => {
    expect(scrubPath(cleanPath('https://gov.example/u/79123456789?x=1#y'))).toBe('/u/[phone]')
  })
})
