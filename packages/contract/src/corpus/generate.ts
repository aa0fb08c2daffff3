/**
 * A labelled corpus of realistic comments in Russian and English for the PII
 * scrubber: ordinary feedback (dates, sums, times, application numbers,
 * places and people's roles that must stay) and comments carrying personal
 * data in the spellings people use. Generated from a fixed seed, so the
 * corpus is the same on every run; every identifier with a checksum is valid.
 */
import type { PiiKind } from '../scrub-pii.js'

export interface LabelledComment {
  text: string
  /** Each piece of personal data in the text and its kind. */
  pii: { kind: PiiKind; value: string }[]
  lang: 'ru' | 'en'
}

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('')
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T

function snils(r: () => number): string {
  for (;;) {
    const d = digits(r, 9)
    const sum = [...d].reduce((s, x, i) => s + Number(x) * (9 - i), 0)
    const check = (sum % 101) % 100
    if (d > '001001998') return d + String(check).padStart(2, '0')
  }
}
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const check = (d: string, w: number[]) => String(([...d].reduce((s, x, i) => s + Number(x) * (w[i] ?? 0), 0) % 11) % 10)
function inn(r: () => number, len: 10 | 12): string {
  if (len === 10) {
    const d = `7${digits(r, 8)}`
    return d + check(d, W10)
  }
  const d = `5${digits(r, 9)}`
  const d11 = d + check(d, W11)
  return d11 + check(d11, W12)
}
function card(r: () => number): string {
  const d = `${pick(r, ['4276', '5536', '2200', '4111'])}${digits(r, 11)}`
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const x = Number(d[14 - i]) * (i % 2 === 0 ? 2 : 1)
    sum += x > 9 ? x - 9 : x
  }
  return d + String((10 - (sum % 10)) % 10)
}
const group = (d: string, sizes: number[], sep: string) => {
  let at = 0
  return sizes.map((n) => d.slice(at, (at += n))).join(sep)
}
const NBSP = '\u00A0'
const NNBSP = '\u202F'
const ZW = '\u200B'
const fullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

const SURNAMES = ['Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Соколов', 'Попова', 'Лебедев', 'Новикова', 'Морозов', 'Волкова', 'Шевченко', 'Ковальчук', 'Григорян', 'Беридзе', 'Белых']
const FIRST_M = ['Иван', 'Сергей', 'Алексей', 'Дмитрий', 'Андрей', 'Михаил']
const FIRST_F = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна']
const PATR_M = ['Иванович', 'Сергеевич', 'Петрович', 'Алексеевич', 'Николаевич']
const PATR_F = ['Ивановна', 'Сергеевна', 'Петровна', 'Алексеевна', 'Николаевна']
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']
const STREETS = ['Ленина', 'Пушкина', 'Гагарина', 'Советская', 'Мира', 'Садовая']
const EN_STREETS = ['Baker Street', 'Oak Avenue', 'Mill Road', 'Park Lane']
const HANDLES = ['ivan_petrov', 'anna.smirnova', 'kuznetsov88', 'lena_v', 'dm_sokolov']

type Maker = (r: () => number) => { kind: PiiKind; value: string }

const MAKERS: Record<string, Maker[]> = {
  phone: [
    (r) => ({ kind: 'phone', value: `+7 (9${digits(r, 2)}) ${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}` }),
    (r) => ({ kind: 'phone', value: `8 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}` }),
    (r) => ({ kind: 'phone', value: `8(9${digits(r, 2)})${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}` }),
    (r) => ({ kind: 'phone', value: `+7${NBSP}9${digits(r, 2)}${NBSP}${digits(r, 3)}\u2013${digits(r, 2)}\u2013${digits(r, 2)}` }),
    (r) => ({ kind: 'phone', value: `8.9${digits(r, 2)}.${digits(r, 3)}.${digits(r, 2)}.${digits(r, 2)}` }),
    (r) => ({ kind: 'phone', value: `+79${digits(r, 9)}` }),
    (r) => ({ kind: 'phone', value: fullWidth(`89${digits(r, 9)}`) }),
    (r) => ({ kind: 'phone', value: [...`89${digits(r, 9)}`].join(ZW) }),
    (r) => ({ kind: 'phone', value: `+7${NNBSP}(495)${NNBSP}${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}` }),
  ],
  email: [
    (r) => ({ kind: 'email', value: `${pick(r, HANDLES)}@mail.ru` }),
    (r) => ({ kind: 'email', value: `${pick(r, HANDLES)}${digits(r, 2)}@yandex.ru` }),
    (r) => ({ kind: 'email', value: `${pick(r, ['j.smith', 'mary_k', 'tom.b'])}@gmail.com` }),
  ],
  snils: [
    (r) => ({ kind: 'snils', value: group(snils(r), [3, 3, 3, 2], '-').replace(/-(\d{2})$/, ' $1') }),
    (r) => ({ kind: 'snils', value: group(snils(r), [3, 3, 3, 2], ' ') }),
    (r) => {
      const v = snils(r)
      return { kind: 'snils', value: `${group(v, [3, 3, 3], '.')} ${v.slice(9)}` }
    },
    (r) => ({ kind: 'snils', value: snils(r) }),
    (r) => ({ kind: 'snils', value: group(snils(r), [3, 3, 3, 2], '\u2013') }),
  ],
  inn: [(r) => ({ kind: 'inn', value: inn(r, 12) }), (r) => ({ kind: 'inn', value: inn(r, 10) })],
  card: [
    (r) => ({ kind: 'card', value: group(card(r), [4, 4, 4, 4], ' ') }),
    (r) => ({ kind: 'card', value: group(card(r), [4, 4, 4, 4], '-') }),
    (r) => ({ kind: 'card', value: group(card(r), [4, 4, 4, 4], '.') }),
    (r) => ({ kind: 'card', value: group(card(r), [4, 4, 4, 4], NBSP) }),
    (r) => ({ kind: 'card', value: card(r) }),
  ],
  licence: [
    (r) => ({ kind: 'licence', value: `${digits(r, 2)} ${pick(r, ['АВ', 'ТК', 'ОР'])} ${digits(r, 6)}` }),
    (r) => ({ kind: 'licence', value: `${digits(r, 2)} ${digits(r, 2)} ${digits(r, 6)}` }),
  ],
  oms: [
    (r) => ({ kind: 'oms', value: group(digits(r, 16), [4, 4, 4, 4], ' ') }),
    (r) => ({ kind: 'oms', value: digits(r, 16) }),
  ],
  passport: [
    (r) => ({ kind: 'passport', value: `${digits(r, 2)} ${digits(r, 2)} ${digits(r, 6)}` }),
    (r) => ({ kind: 'passport', value: `${digits(r, 4)}-${digits(r, 6)}` }),
    (r) => ({ kind: 'passport', value: `${digits(r, 4)} ${digits(r, 6)}` }),
    (r) => ({ kind: 'passport', value: `${digits(r, 2)}.${digits(r, 2)} ${digits(r, 6)}` }),
  ],
  name: [
    (r) => ({ kind: 'name', value: `${pick(r, SURNAMES.filter((s) => !/а$/.test(s)))} ${pick(r, FIRST_M)} ${pick(r, PATR_M)}` }),
    (r) => ({ kind: 'name', value: `${pick(r, FIRST_F)} ${pick(r, PATR_F)} ${pick(r, SURNAMES.filter((s) => /а$/.test(s)))}` }),
    (r) => ({ kind: 'name', value: `${pick(r, SURNAMES)} ${pick(r, ['И.', 'А.', 'Е.'])} ${pick(r, ['И.', 'С.', 'П.'])}` }),
    (r) => ({ kind: 'name', value: `${pick(r, ['А.', 'М.'])}${pick(r, ['С.', 'В.'])} ${pick(r, SURNAMES)}` }),
    (r) => ({ kind: 'name', value: `${pick(r, FIRST_F)} ${pick(r, PATR_F)}` }),
  ],
  birthdate: [
    (r) => ({ kind: 'birthdate', value: `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}.${String(1 + Math.floor(r() * 12)).padStart(2, '0')}.19${50 + Math.floor(r() * 50)}` }),
    (r) => ({ kind: 'birthdate', value: `${1 + Math.floor(r() * 28)} ${pick(r, MONTHS_RU)} 19${50 + Math.floor(r() * 50)}` }),
    (r) => ({ kind: 'birthdate', value: `19${50 + Math.floor(r() * 50)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` }),
  ],
  social: [
    (r) => ({ kind: 'social', value: `@${pick(r, HANDLES)}` }),
    (r) => ({ kind: 'social', value: `vk.com/id${digits(r, 7)}` }),
    (r) => ({ kind: 'social', value: `https://t.me/${pick(r, HANDLES)}` }),
    (r) => ({ kind: 'social', value: `instagram.com/${pick(r, HANDLES)}` }),
  ],
  address: [
    (r) => ({ kind: 'address', value: `ул. ${pick(r, STREETS)}, д. ${1 + Math.floor(r() * 90)}, кв. ${1 + Math.floor(r() * 200)}` }),
    (r) => ({ kind: 'address', value: `${1 + Math.floor(r() * 200)} ${pick(r, EN_STREETS)}, Apt ${1 + Math.floor(r() * 40)}` }),
  ],
}

// Contexts: {v} is the personal data; a keyword goes with the kinds that need one.
const CONTEXTS: Record<string, { ru: string[]; en: string[] }> = {
  phone: { ru: ['Прошу перезвонить по номеру {v}, не дождалась ответа', 'Мой телефон {v}, звоните после 18:00', 'Оставила номер {v}, но никто не позвонил за 3 дня'], en: ['Please call me back at {v}, thanks', 'My phone is {v}, nobody called in 2 days'] },
  email: { ru: ['Ответ пришлите на {v}, пожалуйста', 'Письмо на {v} так и не пришло'], en: ['Send the answer to {v} please', 'I never got the e-mail at {v}'] },
  snils: { ru: ['СНИЛС {v} не находит система', 'Указала СНИЛС: {v}, а выдаёт ошибку', 'мой снилс {v}, проверьте'], en: ['My SNILS {v} is not recognised'] },
  inn: { ru: ['ИНН {v} не проходит проверку', 'Ввожу ИНН {v} и получаю ошибку 500'], en: ['The form rejects my INN {v}'] },
  card: { ru: ['Оплатил картой {v}, деньги списали дважды', 'Списали 1 500 рублей с карты {v}'], en: ['I paid with card {v} and was charged twice'] },
  licence: { ru: ['Водительское удостоверение {v} не отображается в профиле', 'Права {v} просрочены, а замена не оформляется'], en: [] },
  oms: { ru: ['Полис ОМС {v} не действует в поликлинике', 'Номер полиса {v} система не принимает'], en: [] },
  passport: { ru: ['Паспорт {v} выдан в 2015 году, а система пишет что недействителен', 'Серия и номер паспорта {v}, помогите', 'Внесла паспорт {v} — ошибка'], en: ['My passport {v} is shown as invalid'] },
  name: { ru: ['Спасибо {v} за помощь!', 'Принимала {v}, всё быстро и вежливо', 'Специалист {v} грубо разговаривал с пенсионерами'], en: [] },
  birthdate: { ru: ['Дата рождения {v}, а в заявлении стоит другая', 'Я родился {v}, исправьте пожалуйста'], en: ['I was born {v} but the record shows another date', 'DOB {v} is wrong in the form'] },
  social: { ru: ['Пишите мне в телеграм {v}', 'Мой профиль {v}, там есть скриншоты ошибки'], en: ['Message me at {v}'] },
  address: { ru: ['Живу по адресу {v}, письмо не пришло', 'Доставка на {v} так и не состоялась'], en: ['I live at {v} and the letter never came'] },
}

const CLEAN_RU = [
  'Всё быстро и понятно, спасибо!',
  'Ждала в очереди 40 минут, хотя была записана на 10:30.',
  'Заявление № 1234567 подано 12.03.2024, ответа до сих пор нет.',
  'Оплатила госпошлину 2 000 рублей, квитанция не отображается.',
  'Сайт не работает в Safari, пришлось открыть в Chrome.',
  'В МФЦ на Тверской очень вежливые сотрудники.',
  'Почему нельзя загрузить фото больше 5 МБ?',
  'Услуга заняла 3 дня вместо обещанных 5.',
  'Спасибо специалисту окна 7, всё объяснила.',
  'Форма сбрасывается после шага 3, приходится заполнять заново.',
  'Не понятно, какие документы нужны для ребёнка до 14 лет.',
  'Записалась на 15 апреля, а приём перенесли на 20-е.',
  'Очень Понравилось Обслуживание, Спасибо Всем!',
  'Код из СМС приходит через 5–10 минут, это долго.',
  'Горячая линия не отвечает с 9 до 18.',
  'С 1 января 2025 года правила изменились, а на сайте старые.',
  'Телефон в контактах МФЦ устарел.',
  'Паспорт получила за 2 недели, отлично.',
  'Указать СНИЛС пришлось трижды, система его не сохраняет.',
  'Всё хорошо, но шрифт мелкий на мобильном.',
  'Сумма пособия 15 000 руб. пришла 25.12.2024.',
  'Москва, Ленинградский проспект — там удобно парковаться.',
  'Сотрудник Сергей помог разобраться, спасибо ему.',
  'Иван Грозный тут ни при чём, просто очередь огромная.',
  'Анкета на 4 страницы, половина вопросов лишние.',
  'Версия приложения 2.3.1 вылетает при оплате.',
  'В 2023 году было удобнее.',
  'Прием ведётся в кабинете 214 на 2 этаже.',
  'Ответ пришёл через 30 дней, по закону должен за 10.',
  'Оценка 5 из 5, всё устроило.',
]
const CLEAN_EN = [
  'Everything was quick and clear, thank you!',
  'Waited 40 minutes even though I booked 10:30.',
  'Application No 1234567 submitted on 12.03.2024, still no answer.',
  'Paid the 2,000 rouble fee, the receipt is not shown.',
  'The site does not work in Safari, had to use Chrome.',
  'Could not upload a photo larger than 5 MB.',
  'It took 3 days instead of 5.',
  'The form resets after step 3.',
  'Very Helpful Staff At The Centre On Main Street.',
  'The hotline does not answer between 9 and 6.',
  'The new rules from 1 January 2025 are not on the site.',
  'Great service, 10/10 would recommend.',
  'Version 2.3.1 of the app crashes on payment.',
  'Room 214 on the 2nd floor was hard to find.',
  'I had to enter my passport details three times.',
]

/** The corpus: every clean comment, then each kind in each of its spellings and contexts. */
export function corpus(seed = 20261128): LabelledComment[] {
  const r = rng(seed)
  const out: LabelledComment[] = []
  for (const text of CLEAN_RU) out.push({ text, pii: [], lang: 'ru' })
  for (const text of CLEAN_EN) out.push({ text, pii: [], lang: 'en' })
  // Clean comments with more numbers of the kinds that must stay.
  for (let i = 0; i < 90; i++) {
    const n = 1000 + Math.floor(r() * 9000)
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0')
    out.push(
      i % 2 === 0
        ? { text: pick(r, [`Заявление № ${n}${digits(r, 3)} от ${day}.0${1 + (i % 9)}.2024 не рассмотрено`, `Заплатил ${n} руб., а должен был ${n - 200}`, `Очередь ${1 + (i % 50)} человек в ${8 + (i % 10)}:${i % 6}0`, `Обращение ${n} закрыли без ответа`]), pii: [], lang: 'ru' }
        : { text: pick(r, [`Request No ${n}${digits(r, 3)} from ${day}.0${1 + (i % 9)}.2024 is still open`, `I paid ${n} roubles instead of ${n - 200}`, `${1 + (i % 50)} people in the queue at ${8 + (i % 10)}:${i % 6}0`]), pii: [], lang: 'en' },
    )
  }
  for (const [kind, makers] of Object.entries(MAKERS)) {
    const ctx = CONTEXTS[kind] as { ru: string[]; en: string[] }
    for (const make of makers) {
      for (const [lang, list] of [['ru', ctx.ru], ['en', ctx.en]] as const) {
        for (const template of list) {
          const pii = make(r)
          out.push({ text: template.replace('{v}', pii.value), pii: [pii], lang })
        }
      }
    }
  }
  // Known misses (see scrub-pii.ts): a first name and surname alone, a name in Latin letters.
  out.push({ text: 'Сотрудница Анна Смирнова всё объяснила', pii: [{ kind: 'name', value: 'Анна Смирнова' }], lang: 'ru' })
  out.push({ text: 'Thanks to John Smith at the front desk', pii: [{ kind: 'name', value: 'John Smith' }], lang: 'en' })
  // Two kinds in one comment.
  for (let i = 0; i < 10; i++) {
    const phone = pick(r, MAKERS.phone as Maker[])(r)
    const email = pick(r, MAKERS.email as Maker[])(r)
    out.push({ text: `Свяжитесь со мной: ${phone.value} или ${email.value}`, pii: [phone, email], lang: 'ru' })
  }
  return out
}
