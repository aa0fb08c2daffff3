/**
 * Every `locales/<tag>.ts`, gathered at build time by the `otklik-locales`
 * plugin (scripts/locales-plugin.js), so that a new language is one file.
 */
declare module 'otklik:locales' {
  import type { Strings } from './locales/types.js'
  const locales: Record<string, Strings>
  export default locales
}
