// Two pages from one set of components: the manager's dashboard (served at
// /dashboard/) and the public open-data page (served at /open/). Every file
// name carries a content hash, so the server can send them `immutable`; the
// two HTML files are written here, pointing at the hashed names, with a
// manifest that the size report and the budget test read.
import { readFileSync, rmSync } from 'node:fs'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true })

const PAGES = {
  dashboard: { html: 'index.html', base: '/dashboard/', title: 'Otklik' },
  open: { html: 'open/index.html', base: '/dashboard/', title: 'Открытые данные Otklik' },
}

const page = ({ base, title }, css, scripts) => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}${css}">
${scripts.slice(1).map((s) => `<link rel="modulepreload" href="${base}${s}">`).join('\n')}
<script type="module" src="${base}${scripts[0]}"></script>
</head>
<body>
<div id="app"></div>
<noscript>JavaScript is needed for this page. / Для этой страницы нужен JavaScript.</noscript>
</body>
</html>
`

function pages() {
  return {
    name: 'otklik-pages',
    generateBundle(_options, bundle) {
      const css = this.getFileName(this.emitFile({ type: 'asset', name: 'otklik.css', source: readFileSync('src/styles.css', 'utf8') }))
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk')
      const byName = new Map(chunks.map((c) => [c.fileName, c]))
      const staticImports = (file, seen = new Set()) => {
        if (seen.has(file)) return seen
        seen.add(file)
        for (const i of byName.get(file)?.imports ?? []) staticImports(i, seen)
        return seen
      }
      const manifest = { pages: {}, chunks: chunks.map((c) => c.fileName), css }
      for (const chunk of chunks.filter((c) => c.isEntry)) {
        const info = PAGES[chunk.name]
        const initial = [...staticImports(chunk.fileName)]
        manifest.pages[chunk.name] = { html: info.html, initial }
        this.emitFile({ type: 'asset', fileName: info.html, source: page(info, css, initial) })
      }
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` })
    },
  }
}

export default {
  input: { dashboard: 'src/main.tsx', open: 'src/open/main.tsx' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'assets/[name]-[hash].js',
    chunkFileNames: 'assets/[name]-[hash].js',
    assetFileNames: 'assets/[name]-[hash][extname]',
    sourcemap: false,
  },
  plugins: [
    resolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.json', noEmit: false, declaration: false, sourceMap: false, outDir: 'dist', include: ['src/**/*.ts', 'src/**/*.tsx'], exclude: ['**/*.test.ts'] }),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
    pages(),
  ],
}
