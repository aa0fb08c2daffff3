// Three builds: the script-tag core (IIFE), the lazily loaded widget chunk
// (an ES module the core imports by URL) and the ESM entry with its .d.ts
// for teams that bundle. The contract's constants and the PII scrubber are
// bundled from the server's TypeScript source, their one home.
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { contractSource, localesPlugin } from './scripts/build-plugins.js'

const include = ['src/**/*.ts', '../server/src/contract/*.ts']
const ts = (options = {}) =>
  typescript({ tsconfig: './tsconfig.json', include, exclude: ['**/*.test.ts'], noEmit: false, declaration: false, sourceMap: true, filterRoot: '.', rootDir: '..', outDir: 'dist', ...options })
const minify = () =>
  terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, format: { comments: false } })
const quiet = (warning, warn) => {
  // The widget's URL is only known at run time: a dynamic import by design.
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.message.includes('dynamic import')) return
  warn(warning)
}

export default [
  {
    input: 'src/browser.ts',
    output: { file: 'dist/otklik.js', format: 'iife', sourcemap: 'hidden', strict: false },
    plugins: [contractSource(), resolve(), ts(), minify()],
    onwarn: quiet,
  },
  {
    input: 'src/widget/index.ts',
    output: { file: 'dist/otklik-widget.js', format: 'es', sourcemap: 'hidden' },
    plugins: [contractSource(), localesPlugin(), resolve(), ts(), minify()],
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [contractSource(), localesPlugin(), resolve(), ts({ outDir: 'dist/esm', declaration: true, declarationDir: 'dist/esm' })],
  },
]
