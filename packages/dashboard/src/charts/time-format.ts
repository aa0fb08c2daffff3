/** Axis dates in the reader's language (d3-time-format with a locale per language, UTC). */
import { timeFormatLocale, type TimeLocaleDefinition } from 'd3-time-format'
import type { Lang } from '../i18n/lang.js'

const base = { dateTime: '%x, %X', date: '%d.%m.%Y', time: '%H:%M:%S', periods: ['AM', 'PM'] as [string, string] }
const LOCALES: Record<Lang, TimeLocaleDefinition> = {
  ru: {
    ...base,
    days: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
    shortDays: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    shortMonths: ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  },
  en: {
    ...base,
    date: '%Y-%m-%d',
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
}

const formats = new Map<Lang, (d: Date) => string>()

/** "5 ноя" / "5 Nov" for an axis tick. */
export function tickDate(lang: Lang): (d: Date) => string {
  let f = formats.get(lang)
  if (!f) formats.set(lang, (f = timeFormatLocale(LOCALES[lang]).utcFormat('%-d %b')))
  return f
}
