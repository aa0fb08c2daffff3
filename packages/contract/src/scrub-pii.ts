/**
 * Removes personal data from free-text comments (DESIGN §2): each finding
 * becomes a language-neutral placeholder `[kind]`, e.g. `[phone]`, and the
 * rest of the text is kept byte for byte.
 *
 * No dependencies and no platform API: the browser SDK imports it too.
 * Rules run in order, one linear regex each (bounded repeats, lookarounds
 * only at the edges), and a checksum decides where a bare number is
 * ambiguous. The placeholders hold no digit and no `@`, so scrubbing twice
 * changes nothing.
 *
 * After «ИНН», «СНИЛС», «паспорт»/«серия», «полис»/«ОМС» or «удостоверение»/
 * «права»/«ВУ» a number of the right shape is taken without its checksum.
 * A bare number that happens to pass one (1 in 10 for a 10-digit ИНН or a
 * card) is scrubbed too: the error leans towards privacy.
 *
 * Matching runs on a normalised view of the text with the same length:
 * full-width forms as ASCII (what NFKC does to them), every kind of space
 * as a space and every dash as «-»; what is kept is the original. Format
 * characters (zero-width, bidi overrides and isolates, soft hyphen) are
 * removed from the text first: they hide numbers from the rules and turn
 * stored text around on screen.
 *
 * Names, birth dates and social profiles are rules of their own
 * (scrub-pii-people.ts), passed in as `more` by the server; the browser SDK
 * runs the rules here only, to stay within its size budget, and the server
 * scrubs every comment again with all of them.
 *
 * Knowingly not caught: a first name and surname without a patronymic,
 * names in Latin letters, e-mails spelled out ("ivan собака
 * mail.ru"), numbers in words, ИНН/СНИЛС with a wrong check digit and no
 * keyword, a bare 10-digit passport number without «паспорт»/«серия», the
 * old ОМС polis formats, postcodes, cities and regions, street names in
 * other cases («на Тверском бульваре 5»), and house numbers without a
 * street, «д.» or «кв.». Numbers right after «№», inside URL paths and query
 * values, and in dates, times and sums are left alone on purpose.
 */

/** What is scrubbed; each becomes the placeholder `[kind]`. */
export const PII_KINDS = ['email', 'phone', 'snils', 'inn', 'passport', 'licence', 'oms', 'card', 'address', 'name', 'birthdate', 'social'] as const
export type PiiKind = (typeof PII_KINDS)[number]

export interface Scrubbed {
  /** The text with every finding replaced by `[kind]`. */
  text: string
  /** The kinds replaced, each once, in `PII_KINDS` order. */
  found: PiiKind[]
}

const digitsOf = (s: string): string => s.replace(/\D/g, '')
const weigh = (d: string, w: readonly number[]): number =>
  w.reduce((sum, x, i) => sum + x * Number(d[i]), 0)

/** СНИЛС: the first nine digits weighted 9..1; the sum mod 101 (100 → 00) is the last two. */
export function snilsValid(s: string): boolean {
  const d = digitsOf(s)
  return d.length === 11 && (weigh(d, [9, 8, 7, 6, 5, 4, 3, 2, 1]) % 101) % 100 === Number(d.slice(9))
}

// ФНС weights: a 10-digit ИНН checks its last digit with the last nine; a
// 12-digit one checks digit 11 with the last ten and digit 12 with all eleven.
const INN_W = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const innDigit = (d: string, n: number): boolean =>
  (weigh(d, INN_W.slice(11 - n)) % 11) % 10 === Number(d[n])

/** ИНН of a company (10 digits) or of a person (12 digits), by the ФНС check digits. */
export function innValid(s: string): boolean {
  const d = digitsOf(s)
  return d.length === 10 ? innDigit(d, 9) : d.length === 12 && innDigit(d, 10) && innDigit(d, 11)
}

/** Luhn check of a bank card number. */
export function luhnValid(s: string): boolean {
  const d = digitsOf(s)
  let sum = 0
  for (let i = 0; i < d.length; i++) {
    const x = Number(d[d.length - 1 - i]) * (1 + (i % 2))
    sum += x > 9 ? x - 9 : x
  }
  return d.length > 0 && sum % 10 === 0
}

// Edges of a number: nothing that makes it part of a word, a path or query
// value, «№ …», a date or a decimal (12.03.2024) on the left; nothing that
// continues it on the right.
const L = String.raw`(?<![\p{L}\p{N}_/@#№=&?+]|\p{N}[.,:\-]|№\s)`
export const R = String.raw`(?![\p{L}\p{N}_/@]|[.,:\-]\p{N})`
// A keyword and up to 25 non-digit characters before the number.
export const kw = (words: string): string => String.raw`(?<!\p{L})(?:${words})[^\p{N}\n]{0,25}`
// Between a passport series and its number: «4506 № 123456», «серия 4506 номер 123456».
const GAP = String.raw`[\s,:./\-]{0,3}(?:номер|№)?[\s:]{0,3}`
const RU_PHONE = String.raw`(?:\+ ?7|[78])[ \-.]?(?:\(\d{3,5}\)|\d{3})[ \-.]?\d{1,3}[ \-.]?\d{2}[ \-.]?\d{2}`
const HOUSE = String.raw`(?:д(?:ом)?\.?\s*)?\d{1,3}(?:\p{L}(?![\p{L}\p{N}]))?(?:[/\-]\d{1,3})?(?!\p{N})(?:,?\s*(?:(?:корп(?:ус)?|стр(?:оение)?)\.?\s*|к(?:\.\s*)?)\d+)?(?:,?\s*(?:кв(?:артира)?|оф(?:ис)?)\.?\s*\d+)?`
const STREET_TYPE = String.raw`(?:ул(?:\.|иц[аеуы])?|пр(?:\.|-к?т|-д|осп\.|оспект[ае]?|оезд[ае]?)|пер(?:\.|еул(?:ок|ке))|ш\.|шоссе|б(?:-р|ул\.|ульв\.|ульвар[ае]?)|наб(?:\.|ережн(?:ая|ой))|пл(?:\.|ощад[ьи])|мкрн?\.?|микрорайон[ае]?)(?:(?<=\.)|(?!\p{L}))`

const phoneDigits = (b: string): boolean => {
  const n = digitsOf(b).length
  return b[0] === '+' ? n >= 9 : n === 7 || n === 10 || n === 11
}
const keyword = (b: string, m: string): boolean => m !== b

/**
 * [kind, pattern, flags, accept]. Group 1 is the part replaced and ends the
 * match; what comes before it in the match (a keyword) is kept. `accept`
 * may veto a match, which is then left as it was.
 */
export type Rule = readonly [PiiKind, string, string, ((body: string, match: string) => boolean)?]

const RULES: readonly Rule[] = [
  ['email', String.raw`(?<![\p{L}\p{N}._%+\-])([\p{L}\p{N}._%+\-]+@(?:[\p{L}\p{N}\-]+\.)+\p{L}{2,})`, 'giu'],
  ['licence', kw(String.raw`удостоверени|прав|ВУ(?!\p{L})`) + String.raw`(\d{2}[ .]?(?:\d{2}|\p{L}{2})${GAP}\d{6})` + R, 'giu'],
  ['passport', kw('паспорт|сери[яиюей]') + String.raw`(\d{2}[ .]?\d{2}${GAP}\d{6})` + R, 'giu'],
  // With «+» first, so that no checksum rule takes a piece of it.
  ['phone', L + String.raw`(?=\+)(${RU_PHONE}|\+ ?\d{1,3}(?:[ \-.]?\(?\d{2,4}\)?){2,4})` + R, 'gu', phoneDigits],
  // Canonical «123-456-789 01» or a keyword is enough; otherwise the checksum.
  ['snils', `(?:${kw('СНИЛС')}|${L})` + String.raw`(\d{3}([ \-./]?)\d{3}\2\d{3}[ \-./]?\d{2})` + R, 'giu',
    // A bare 8 9xx… or 7 9xx… is a mobile number first (the phone rule below takes it).
    (b, m) => keyword(b, m) || /^\d{3}-\d{3}-\d{3}[ -]\d{2}$/.test(b) || (snilsValid(b) && !/^[78]9\d{9}$/.test(b))],
  ['inn', `(?:${kw(String.raw`ИНН(?!\p{L})`)}|${L})` + String.raw`(\d{12}|\d{10})` + R, 'giu', (b, m) => keyword(b, m) || innValid(b)],
  ['oms', kw(String.raw`полис|ОМС(?!\p{L})`) + String.raw`(\d{4}([ \-./]?)\d{4}\2\d{4}\2\d{4})` + R, 'giu'],
  ['card', L + String.raw`(\d{13,19}|\d{4}([ \-./])\d{4}\2\d{4}\2\d{4}(?:\2\d{3})?|\d{4}([ \-./])\d{6}\3\d{5})` + R, 'gu', luhnValid],
  ['phone', L + String.raw`(${RU_PHONE}|\(\d{3,5}\) ?\d{1,3}[ \-]?\d{2}[ \-]?\d{2}|9\d{2}[ \-.]?\d{3}[ \-.]?\d{2}[ \-.]?\d{2}|\d{3}-\d{2}-\d{2})` + R, 'gu', phoneDigits],
  ['passport', L + String.raw`(\d{2}[ .]\d{2}[ .\-]\d{6}|\d{4}[ \-]\d{6})` + R, 'gu'],
  // «ул. Ленина, д. 5, кв. 12»: the type abbreviated, or a capitalised name, or «д.».
  ['address', String.raw`(?<![\p{L}\p{N}.\-])(${STREET_TYPE}\s*(?:[\p{L}\p{N}][\p{L}\p{N}.\-]*[\s,]+){1,3}?${HOUSE})`, 'giu',
    (b) => /^\p{L}+[.-]|^\p{L}+\s+\p{Lu}|[\s,][дД](?:ом)?\.?\s*\d/u.test(b)],
  // «Ленинградское шоссе, 16», «Садовая улица, дом 3».
  ['address', String.raw`(?<![\p{L}\-])(\p{L}[\p{L}\-]*\s+(?:улица|шоссе|бульвар|проспект|переулок|проезд|набережная|площадь|аллея)[\s,]+${HOUSE})`, 'giu',
    (b) => /^\p{Lu}/u.test(b)],
  // «д. 5, кв. 12» with no street.
  ['address', String.raw`(?<!\p{L})(д(?:ом)?\.?\s*\d{1,3}(?:\p{L}(?![\p{L}\p{N}]))?(?:[/\-]\d{1,3})?,?\s*(?:кв(?:артира)?|оф(?:ис)?)\.?\s*\d+)`, 'giu'],
  ['address', String.raw`(?<![\p{L}\p{N}])(\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Place|Pl|Square|Sq|Court|Ct|Way)\b(?:\.?,?\s*(?:[Aa]pt|[Aa]partment|[Ff]lat|[Ss]uite|[Uu]nit|#)\.?\s*\d+[A-Za-z]?)?)`, 'gu'],
]

type Compiled = readonly (readonly [PiiKind, RegExp, Rule[3]])[]
const compiled = new Map<readonly Rule[], Compiled>()
const compile = (rules: readonly Rule[]): Compiled => {
  let c = compiled.get(rules)
  if (!c) compiled.set(rules, (c = rules.map(([kind, src, flags, ok]) => [kind, new RegExp(src, flags), ok] as const)))
  return c
}

// Zero-width and bidi format characters and the soft hyphen. The zero-width
// joiner goes too (an emoji family then shows as its members): the SDK's
// size budget has no room for telling the cases apart.
const FORMAT = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Removes the format characters that hide text from people and from the rules. */
export const stripFormat = (text: string): string => text.replace(FORMAT, '')

/** The same text, one UTF-16 unit for one: full-width ASCII as ASCII, any space as « », any dash as «-». */
const normalise = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')

/**
 * Replaces personal data in `text` with `[kind]` placeholders. Never throws:
 * a non-string gives an empty text, and an engine without RegExp lookbehind
 * (Safari before 16.4) gets the text back unchanged, for the server to scrub.
 */
export function scrubPii(text: string, more: readonly Rule[] = []): Scrubbed {
  const found = new Set<PiiKind>()
  let out = typeof text === 'string' ? text : ''
  let rules: Compiled
  try {
    out = stripFormat(out)
    // Without a digit or «@» no rule here can match: only `more` runs.
    rules = [...(/[\d@\uFF10-\uFF20]/.test(out) ? compile(RULES) : []), ...compile(more)]
  } catch {
    return { text: out, found: [] }
  }
  // The view changes only where a rule replaced something.
  let view = normalise(out)
  for (const [kind, re, ok] of rules) {
    let kept = ''
    let last = 0
    for (const m of view.matchAll(re)) {
      const body = m[1] ?? ''
      if (ok && !ok(body, m[0])) continue
      const end = m.index + m[0].length
      kept += out.slice(last, end - body.length) + `[${kind}]`
      last = end
      found.add(kind)
    }
    if (last > 0) {
      out = kept + out.slice(last)
      view = normalise(out)
    }
  }
  return { text: out, found: PII_KINDS.filter((k) => found.has(k)) }
}
