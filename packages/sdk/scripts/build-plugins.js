// Plugins shared by rollup and vitest.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const LOCALES = fileURLToPath(new URL('../src/widget/locales/', import.meta.url))
const LOCALES_ID = 'otklik:locales'

/**
 * Every src/widget/locales/<tag>.ts as the virtual module `otklik:locales`:
 * adding a language is adding one file.
 */
export function localesPlugin() {
  return {
    name: 'otklik-locales',
    resolveId: (id) => (id === LOCALES_ID ? `\0${LOCALES_ID}` : null),
    load(id) {
      if (id !== `\0${LOCALES_ID}`) return null
      const files = readdirSync(LOCALES).filter((f) => /^[a-z]{2,3}(-[a-z0-9]+)?\.ts$/.test(f)).sort()
      return [
        ...files.map((f, i) => `import l${i} from ${JSON.stringify(LOCALES + f)}`),
        `export default {${files.map((f, i) => `${JSON.stringify(f.slice(0, -3))}: l${i}`).join(', ')}}`,
      ].join('\n')
    },
  }
}
