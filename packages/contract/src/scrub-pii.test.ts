import { describe, expect, it } from 'vitest'
import { innValid, luhnValid, scrubPii, snilsValid, type PiiKind } from './scrub-pii.js'

// Every other final digit of a valid number must fail the check.
const otherEndings = (valid: string): string[] =>
  [...'0123456789'].filter((d) => d !== valid.at(-1)).map((d) => valid.slice(0, -1) + d)

describe('checksum helpers', () => {
  it('СНИЛС: weights 9..1, sum mod 101, 100 → 00', () => {
    // 112-233-445: 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 < 100 → «95»
    expect(1 * 9 + 1 * 8 + 2 * 7 + 2 * 6 + 3 * 5 + 3 * 4 + 4 * 3 + 4 * 2 + 5 * 1).toBe(95)
    // 987-654-321: 81 + 64 + 49 + 36 + 25 + 16 + 9 + 4 + 1 = 285; 285 mod 101 = 83 → «83»
    expect(285 % 101).toBe(83)
    // 920-001-000: 9·9 + 2·8 + 1·4 = 101; 101 mod 101 = 0 → «00»
    expect(9 * 9 + 2 * 8 + 1 * 4).toBe(101)
    for (const valid of ['112-233-445 95', '11223344595', '987-654-321 83', '92000100000']) {
      expect(snilsValid(valid)).toBe(true)
      for (const bad of otherEndings(valid)) expect(snilsValid(bad)).toBe(false)
    }
    // 123456789: 9 + 16 + 21 + 24 + 25 + 24 + 21 + 16 + 9 = 165; 165 mod 101 = 64, not «01»
    expect(snilsValid('12345678901')).toBe(false)
    expect(snilsValid('1122334459')).toBe(false)
    expect(snilsValid('')).toBe(false)
  })

  it('ИНН of 10 digits: weights 2 4 10 3 5 9 4 6 8, sum mod 11 mod 10', () => {
    // 770708389: 7·2 + 7·4 + 0·10 + 7·3 + 0·5 + 8·9 + 3·4 + 8·6 + 9·8 = 267; 267 mod 11 = 3 → 7707083893
    expect(7 * 2 + 7 * 4 + 0 * 10 + 7 * 3 + 0 * 5 + 8 * 9 + 3 * 4 + 8 * 6 + 9 * 8).toBe(267)
    expect((267 % 11) % 10).toBe(3)
    expect(innValid('7707083893')).toBe(true)
    for (const bad of otherEndings('7707083893')) expect(innValid(bad)).toBe(false)
    // 123456789: 2 + 8 + 30 + 12 + 25 + 54 + 28 + 48 + 72 = 279; 279 mod 11 = 4, not 0
    expect(innValid('1234567890')).toBe(false)
  })

  it('ИНН of 12 digits: two check digits', () => {
    // 5001007322: 5·7 + 0·2 + 0·4 + 1·10 + 0·3 + 0·5 + 7·9 + 3·4 + 2·6 + 2·8 = 148; 148 mod 11 = 5
    expect(5 * 7 + 1 * 10 + 7 * 9 + 3 * 4 + 2 * 6 + 2 * 8).toBe(148)
    expect(148 % 11).toBe(5)
    // 50010073225: 5·3 + 0·7 + 0·2 + 1·4 + 0·10 + 0·3 + 7·5 + 3·9 + 2·4 + 2·6 + 5·8 = 141; 141 mod 11 = 9
    expect(5 * 3 + 1 * 4 + 7 * 5 + 3 * 9 + 2 * 4 + 2 * 6 + 5 * 8).toBe(141)
    expect(141 % 11).toBe(9)
    expect(innValid('500100732259')).toBe(true)
    for (const bad of otherEndings('500100732259')) expect(innValid(bad)).toBe(false)
    expect(innValid('500100732249')).toBe(false) // the 11th digit wrong
    expect(innValid('77070838931')).toBe(false) // 11 digits
  })

  it('Luhn: doubles every second digit from the right', () => {
    // 4111 1111 1111 111|1: doubled 4→8 and seven 1→2: 8 + 7·2 + 8·1 = 30 → valid
    expect(8 + 7 * 2 + 8 * 1).toBe(30)
    // 2200 7001 2345 678|x: doubled 2 0 7 0 2 4 6 8 → 4 0 14→5 0 4 8 12→3 16→7 = 31,
    // kept 2 0 0 1 3 5 7 = 18; 31 + 18 = 49 → x = 1
    expect(4 + 0 + 5 + 0 + 4 + 8 + 3 + 7 + (2 + 0 + 0 + 1 + 3 + 5 + 7)).toBe(49)
    for (const valid of ['4111 1111 1111 1111', '2200700123456781']) {
      expect(luhnValid(valid)).toBe(true)
      for (const bad of otherEndings(valid)) expect(luhnValid(bad)).toBe(false)
    }
    expect(luhnValid('7755123456789012')).toBe(false)
    expect(luhnValid('')).toBe(false)
  })
})

// [comment, expected text, kinds found]
const POSITIVES: [string, string, PiiKind[]][] = [
  // e-mail
  ['Пишите на ivan.petrov@mail.ru, отвечу', 'Пишите на [email], отвечу', ['email']],
  ['мой адрес иван@почта.рф.', 'мой адрес [email].', ['email']],
  ['Ответ прислали на Petrov_1990+gu@yandex.ru вчера', 'Ответ прислали на [email] вчера', ['email']],
  // phones
  ['Мой телефон +7 (912) 345-67-89, перезвоните', 'Мой телефон [phone], перезвоните', ['phone']],
  ['звоните 8 912 345 67 89 или 8-800-555-35-35', 'звоните [phone] или [phone]', ['phone']],
  ['тел.89123456789', 'тел.[phone]', ['phone']],
  ['тел 8(912)345-67-89', 'тел [phone]', ['phone']],
  ['номер +79123456789 не отвечает', 'номер [phone] не отвечает', ['phone']],
  ['+7-912-345-67-89', '[phone]', ['phone']],
  ['мобильный 912 345-67-89, городской (495) 123-45-67', 'мобильный [phone], городской [phone]', ['phone']],
  ['8 (4012) 12-34-56 — Калининград', '[phone] — Калининград', ['phone']],
  ['8.912.345.67.89', '[phone]', ['phone']],
  ['соседи дали номер 123-45-67', 'соседи дали номер [phone]', ['phone']],
  ['Сын в Германии: +49 30 1234567', 'Сын в Германии: [phone]', ['phone']],
  // СНИЛС
  ['СНИЛС 112-233-445 95', 'СНИЛС [snils]', ['snils']],
  ['мой снилс 11223344500, проверьте', 'мой снилс [snils], проверьте', ['snils']],
  ['указал 11223344595 в заявлении', 'указал [snils] в заявлении', ['snils']],
  ['номер 123-456-789 01 не принимает', 'номер [snils] не принимает', ['snils']],
  // ИНН
  ['ИНН 7707083893', 'ИНН [inn]', ['inn']],
  ['ИНН: 500100732259, а выписку не дали', 'ИНН: [inn], а выписку не дали', ['inn']],
  ['ИНН7707083893', 'ИНН[inn]', ['inn']],
  ['инн организации 1234567890 не находится', 'инн организации [inn] не находится', ['inn']],
  ['ввёл 500100732259 и получил ошибку', 'ввёл [inn] и получил ошибку', ['inn']],
  // passport
  ['паспорт 45 06 123456 выдан ОВД', 'паспорт [passport] выдан ОВД', ['passport']],
  ['серия 4506 номер 123456', 'серия [passport]', ['passport']],
  ['паспортные данные: 4506123456', 'паспортные данные: [passport]', ['passport']],
  ['Паспорт серии 45 06 № 123456', 'Паспорт серии [passport]', ['passport']],
  ['вводил 45 06 123456 три раза', 'вводил [passport] три раза', ['passport']],
  ['вводил 4506 123456 три раза', 'вводил [passport] три раза', ['passport']],
  // driver licence, ОМС
  ['водительское удостоверение 77 12 345678', 'водительское удостоверение [licence]', ['licence']],
  ['права 9912345678 просрочены', 'права [licence] просрочены', ['licence']],
  ['ВУ 77АВ123456', 'ВУ [licence]', ['licence']],
  ['полис ОМС 7755 1234 5678 9012', 'полис ОМС [oms]', ['oms']],
  // card
  ['карта 4111 1111 1111 1111 заблокирована', 'карта [card] заблокирована', ['card']],
  ['списали с 2200-7001-2345-6781 и с 2200700123456781', 'списали с [card] и с [card]', ['card']],
  // addresses
  [
    'Живу по адресу: г. Москва, ул. Ленина, д. 5, кв. 12, очень неудобно',
    'Живу по адресу: г. Москва, [address], очень неудобно',
    ['address'],
  ],
  ['на улице Садовая 15 нет указателя', 'на [address] нет указателя', ['address']],
  ['пр-т Мира 10к2, кв 3', '[address]', ['address']],
  ['ул.Ленина д 5 корп. 2 кв. 7', '[address]', ['address']],
  ['МФЦ на ул. Тверская 7 — закрыто', 'МФЦ на [address] — закрыто', ['address']],
  ['пер. Садовый, 3а', '[address]', ['address']],
  ['г. Москва, Ленинский проспект, д. 10', 'г. Москва, [address]', ['address']],
  ['Ленинградское шоссе, 16', '[address]', ['address']],
  ['Тверской бульвар 5/2', '[address]', ['address']],
  ['прописан: д. 5 кв. 12', 'прописан: [address]', ['address']],
  ['дом 5, квартира 12', '[address]', ['address']],
  ['I live at 12 Baker Street, apt 4, London', 'I live at [address], London', ['address']],
  ['221B Baker Street.', '[address].', ['address']],
  // mixes, with Cyrillic, emoji and newlines kept
  [
    'Здравствуйте! 😡 Третий раз пишу.\nТелефон: 8 912 345 67 89\nE-mail: petrov@mail.ru\nСНИЛС 112-233-445 95 🙏',
    'Здравствуйте! 😡 Третий раз пишу.\nТелефон: [phone]\nE-mail: [email]\nСНИЛС [snils] 🙏',
    ['email', 'phone', 'snils'],
  ],
  [
    'Паспорт 4506 123456, ИНН 500100732259, карта 4111111111111111, адрес: ул. Ленина, д. 5',
    'Паспорт [passport], ИНН [inn], карта [card], адрес: [address]',
    ['inn', 'passport', 'card', 'address'],
  ],
]

// Must come back unchanged: dates, times, sums, application numbers, URLs.
const NEGATIVES: string[] = [
  'Подал 12.03.2024, ответ пришёл 15.03.2024 в 10:30',
  'Срок с 2024-03-12 по 12/04/2024',
  'Ждал 1-2 часа, потом ещё 40 минут',
  'Время ожидания 00:45:00, приём с 9:00 до 18:00',
  'Оплатил пошлину 1 500 руб., потом ещё 3 500 ₽',
  'Сумма 150 000 000 рублей, тариф 8 500 руб, 10 000 000 000 в бюджете',
  'Вернули 4 276,50 руб. через 30 дней',
  'Заявление № 123456 рассмотрено',
  'заявление №1234567890 и заявка № 9123456789',
  'в 2024 году всё было быстрее',
  'оценка 5 из 5',
  'Ответили на 3 из 10 вопросов за 2 дня',
  'Версия приложения 2.14.3',
  'Позвонил на 122, потом на 8-800',
  'номер заказа 1234567890',
  'код 12345678901 не подошёл',
  'карта 4111 1111 1111 1112 не прошла',
  'Очередь в МФЦ на улице была большая, стояли 2 часа',
  'Улице нужен ремонт уже 3 года',
  'по шоссе 5 км до МФЦ',
  'В МФЦ на пр. Мира очередь',
  'паспорт выдан 12.03.2010, ИНН не указывал',
  'Иннокентий, код 1234567890; Омск 1234 5678 9012 3456',
  'https://www.gosuslugi.ru/600102/1/form',
  'https://www.gosuslugi.ru/help/faq/passport/1?_=1710000000000',
  'Всё понравилось, спасибо! Быстро и удобно 👍',
  'I waited 2 hours on the phone',
  '',
]

describe('scrubPii', () => {
  it.each(POSITIVES)('replaces: %s', (input, text, found) => {
    expect(scrubPii(input)).toEqual({ text, found })
  })

  it.each(NEGATIVES.map((s) => [s]))('leaves alone: %s', (input) => {
    expect(scrubPii(input)).toEqual({ text: input, found: [] })
  })

  it('is idempotent', () => {
    for (const [input] of POSITIVES) {
      const once = scrubPii(input).text
      expect(scrubPii(once)).toEqual({ text: once, found: [] })
    }
  })

  it('never throws, even on a non-string', () => {
    expect(scrubPii(undefined as unknown as string)).toEqual({ text: '', found: [] })
    expect(scrubPii(42 as unknown as string)).toEqual({ text: '', found: [] })
  })

  // Runs that would make a backtracking regex quadratic or worse: each must
  // simply finish (the suite's timeout is the only clock).
  it.each([
    '1'.repeat(2000),
    '1 '.repeat(1000),
    '8-'.repeat(1000),
    '+7 ('.repeat(500),
    'a.'.repeat(999) + '@',
    'a@b.'.repeat(500),
    'Аа-'.repeat(666) + '1',
    'ул.'.repeat(666) + '1',
    'ул. Аа Бб Вв '.repeat(153) + '1',
    'улица аа бб вв гг 1 '.repeat(100),
    'ул. Аа 5 к 5 кв '.repeat(125),
    'д. 5, '.repeat(333),
    'паспорт серия '.repeat(142) + '1',
    'ИНН.@'.repeat(400) + '1',
    '12 Aa Bb '.repeat(222),
  ])('finishes on adversarial input %#', (input) => {
    const { text } = scrubPii(input)
    expect(typeof text).toBe('string')
  })
})
