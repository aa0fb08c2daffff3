/** Plural forms by the language's own rules (ru: one / few / many; en: one / other). */
export type Forms = { one: string; few?: string; many?: string; other: string }

const rules = new Map<string, Intl.PluralRules>()

export function plural(lang: string, count: number, forms: Forms): string {
  let r = rules.get(lang)
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)))
  const form = r.select(count) as keyof Forms
  return forms[form] ?? forms.other
}
