import { describe, expect, it } from 'vitest'
import { tokenize, topTerms } from './tokenize.js'

describe('tokenize', () => {
  it('lowercases, folds ё, drops stop words, short words, numbers and PII placeholders', () => {
    expect(tokenize('Очень ДОЛГО ждал в очереди 40 минут, звоните [phone]! Всё ещё ждём.')).toEqual(['долго', 'ждал', 'очереди', 'минут', 'звоните', 'ждем'])
  })

  it('joins a negation to the next word and keeps hyphenated words', () => {
    expect(tokenize('Онлайн-запись не работает, the form is not loading')).toEqual(['онлайн-запись', 'не работает', 'form', 'not loading'])
  })

  it('counts each term once per comment and ranks by comments, then by term', () => {
    const texts = ['долго долго ждать', 'долго', 'ошибка при оплате', 'оплате не прошла']
    expect(topTerms(texts, 3)).toEqual([
      { term: 'долго', count: 2 },
      { term: 'оплате', count: 2 },
      { term: 'ждать', count: 1 },
    ])
  })
})
