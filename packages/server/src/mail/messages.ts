/**
 * The mail texts, in Russian and English in one message (the owner's
 * language is not in the registry), as plain text and HTML: the owner's
 * notice when a service is flagged, and an agency's weekly digest.
 */
import type { FlagEvent } from '../flag-life/life.js'
import type { PublicFlag } from '../flag-life/view.js'

export interface Message {
  subject: string
  text: string
  html: string
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '')

const NOTICE = {
  'flag.opened': { ru: 'Новый флаг', en: 'New flag' },
  'flag.reopened': { ru: 'Флаг открыт снова: проблема вернулась', en: 'Flag reopened: the problem is back' },
} as const

export type OwnerEvent = keyof typeof NOTICE
export const OWNER_EVENTS = Object.keys(NOTICE) as OwnerEvent[]

export function ownerMessage(e: FlagEvent & { type: OwnerEvent }): Message {
  const f = e.flag
  const title = NOTICE[e.type]
  const blocks = (['ru', 'en'] as const).map((lang) => {
    const ru = lang === 'ru'
    const lines = [
      `${title[lang]}: «${f.name[lang]}»`,
      f.explanation[lang],
      ru ? `Правило: ${f.rule}. Впервые замечено: ${day(f.first_seen)}. Флаг: ${f.id}.` : `Rule: ${f.rule}. First seen: ${day(f.first_seen)}. Flag: ${f.id}.`,
      ru ? 'Примите флаг в работу: подтвердите его, запланируйте действие со сроком или объясните, почему он не будет исправлен.' : 'Please take it up: acknowledge it, plan an action with a due date, or say why it will not be fixed.',
    ]
    return { lang, lines }
  })
  return {
    subject: `Otklik: ${title.ru} / ${title.en} — «${f.name.ru}»`,
    text: `${blocks.map((b) => b.lines.join('\n\n')).join('\n\n— — —\n\n')}\n`,
    html: page(blocks.map((b) => `<section lang="${b.lang}">${b.lines.map((l, i) => (i === 0 ? `<h1>${escape(l)}</h1>` : `<p>${escape(l)}</p>`)).join('')}</section>`).join('<hr>')),
  }
}

export interface Digest {
  agency: { id: string; name_ru: string; name_en: string }
  /** ISO days, [from, to). */
  week: { from: string; to: string }
  new: PublicFlag[]
  overdue: PublicFlag[]
  resolved: PublicFlag[]
  verified: PublicFlag[]
}

const SECTIONS = [
  ['new', { ru: 'Новые флаги', en: 'New flags' }],
  ['overdue', { ru: 'Просроченные действия', en: 'Overdue actions' }],
  ['resolved', { ru: 'Решённые', en: 'Resolved' }],
  ['verified', { ru: 'Подтверждены данными', en: 'Verified by the data' }],
] as const

function itemLine(f: PublicFlag, section: (typeof SECTIONS)[number][0], lang: 'ru' | 'en'): string {
  const ru = lang === 'ru'
  const base = `«${f.name[lang]}»: ${f.explanation[lang]}`
  if (section === 'overdue' && f.action) return `${base} ${ru ? 'Действие' : 'Action'}: ${f.action.note} (${ru ? 'срок' : 'due'} ${day(f.action.due)}).`
  if ((section === 'resolved' || section === 'verified') && f.public_note) return `${base} ${ru ? 'Сделано' : 'Done'}: ${f.public_note}`
  return base
}

export function digestMessage(d: Digest): Message {
  const blocks = (['ru', 'en'] as const).map((lang) => {
    const ru = lang === 'ru'
    const name = lang === 'ru' ? d.agency.name_ru : d.agency.name_en || d.agency.name_ru
    const heading = ru ? `Еженедельная сводка: ${name}, ${d.week.from} – ${d.week.to}` : `Weekly digest: ${name}, ${d.week.from} – ${d.week.to}`
    const sections = SECTIONS.map(([key, title]) => ({ title: `${title[lang]} (${d[key].length})`, items: d[key].map((f) => itemLine(f, key, lang)) }))
    return { lang, heading, sections, none: ru ? 'нет' : 'none' }
  })
  return {
    subject: `Otklik: еженедельная сводка / weekly digest — ${d.agency.name_ru || d.agency.id}, ${d.week.from}`,
    text: `${blocks
      .map((b) => [b.heading, ...b.sections.map((s) => [s.title, ...(s.items.length ? s.items.map((i) => `- ${i}`) : [`- ${b.none}`])].join('\n'))].join('\n\n'))
      .join('\n\n— — —\n\n')}\n`,
    html: page(
      blocks
        .map(
          (b) =>
            `<section lang="${b.lang}"><h1>${escape(b.heading)}</h1>${b.sections
              .map((s) => `<h2>${escape(s.title)}</h2>${s.items.length ? `<ul>${s.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : `<p>${escape(b.none)}</p>`}`)
              .join('')}</section>`,
        )
        .join('<hr>'),
    ),
  }
}

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Otklik</title></head><body>${body}</body></html>`
