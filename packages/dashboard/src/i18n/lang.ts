/** The two languages of the dashboard; the page's <html lang> follows the choice. */
export const LANGS = ['ru', 'en'] as const
export type Lang = (typeof LANGS)[number]

export const isLang = (s: string | null | undefined): s is Lang => s === 'ru' || s === 'en'
