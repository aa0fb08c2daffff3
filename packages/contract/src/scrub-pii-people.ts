/**
 * Rules for people rather than documents, run by the server after the
 * document rules of scrub-pii.ts: names when a patronymic or initials say so
 * («Иванов Иван Иванович», «Иван Иванович Иванов», «Иванов И. И.»,
 * «И. И. Иванов»), birth dates after «рожд…», «родил…», «д.р.», «born»,
 * «DOB», social handles («@ivan_p») and profile links (vk.com/…, t.me/…).
 * Not in the browser SDK's widget: its size budget has no room for them.
 */
import { R, kw, scrubPii, type Rule, type Scrubbed } from './scrub-pii.js'

const MONTHS = String.raw`(?:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|January|February|March|April|May|June|July|August|September|October|November|December)`
// A capitalised Cyrillic word, a patronymic in any case, two initials, and
// surname endings that a capitalised first word must have to join a name.
const WORD = String.raw`\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?`
const PATRONYMIC = String.raw`\p{Lu}[а-яё]+(?:(?:ович|евич|ьич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой))`
const INITIALS = String.raw`\p{Lu}\.\s?\p{Lu}\.`
const SURNAME = String.raw`\p{Lu}[а-яё]+(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|е)?|(?:ск|цк)(?:ий|ая|ого|ой|ому|им)|енко|ук|юк|ян|дзе|швили|их|ых)`

export const PEOPLE_RULES: readonly Rule[] = [
  ['birthdate', kw(String.raw`рожд|родил|д\.\s?р\.|born|birth|DOB(?!\p{L})`) + String.raw`(\d{1,2}[./\- ]\d{1,2}[./\- ]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+${MONTHS}\s+\d{4}(?:\s*г(?:ода|\.)?)?)` + R, 'giu'],
  ['social', String.raw`((?:https?://)?(?:www\.|m\.)?(?:vk\.com|vkontakte\.ru|ok\.ru|t\.me|telegram\.me|instagram\.com|facebook\.com|fb\.com|twitter\.com|x\.com|tiktok\.com|dzen\.ru|github\.com)/[\p{L}\p{N}_.\-/@?=&%]+)`, 'giu'],
  ['social', String.raw`(?<![\p{L}\p{N}._%+\-@\]/])(@[A-Za-z0-9_][A-Za-z0-9_.]{2,31})(?![\p{L}\p{N}_@])`, 'gu'],
  ['name', String.raw`(?<!\p{L})((?:${SURNAME}\s+)?${WORD}\s+${PATRONYMIC}(?:\s+${WORD})?|${WORD}\s+${INITIALS}|${INITIALS}\s?${WORD})(?!\p{L})`, 'gu'],
]

/** Every rule: documents, contacts, addresses and people. */
export const scrubAllPii = (text: string): Scrubbed => scrubPii(text, PEOPLE_RULES)
