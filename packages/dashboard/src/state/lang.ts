/** The language: `lang` in the URL, else ru; <html lang> follows it. */
import { computed, effect } from '@preact/signals'
import { isLang, type Lang } from '../i18n/lang.js'
import { MESSAGES } from '../i18n/messages.js'
import { query } from './url.js'

export const lang = computed<Lang>(() => {
  const l = query.value.get('lang')
  return isLang(l) ? l : 'ru'
})
export const t = computed(() => MESSAGES[lang.value])

effect(() => {
  document.documentElement.lang = lang.value
})
