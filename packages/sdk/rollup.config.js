// Three builds: the script-tag core (IIFE), the lazily loaded widget chunk
// (an ES module the core imports by URL) and the ESM entry with its .d.ts
// for teams that bundle. The contract's rules and the PII scrubber are
// bundled from @otklik/contract; the .d.ts files import its types.
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { rmSync } from 'node:fs'
import { localesPlugin } from './scripts/build-plugins.js'

// A clean dist: hashed ESM chunks of earlier builds must not pile up and ship.
rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true })

const ts = (options = {}) =>
  typescript({ tsconfig: './tsconfig.json', exclude: ['**/*.test.ts'], noEmit: false, declaration: false, sourceMap: true, rootDir: 'src', outDir: 'dist', ...options })
// Only the transforms that hold for our code: arrows never use `this` or
// `arguments`, getters have no side effects, and the IIFE's top level is ours.
// Not `unsafe_comps` or `unsafe_math` (they rewrite `x >= 0 ? a : b` into
// `0 > x ? b : a`, which differs for NaN), nor `unsafe` (String(x) into ""+x,
// which throws for a Symbol).
const minify = () =>
  terser({
    ecma: 2020,
    toplevel: true,
    compress: { passes: 5, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, keep_fargs: false, hoist_funs: true },
    format: { comments: false },
  })
const quiet = (warning, warn) => {
  // The widget's URL is only known at run time: a dynamic import by design.
  if (warning.code === 'UNRESOLVED_IMPORT' || warning.message.includes('dynamic import')) return
  warn(warning)
}

export default [
  {
    input: 'src/browser.ts',
    output: { file: 'dist/otklik.js', format: 'iife', sourcemap: 'hidden', strict: false },
    plugins: [resolve(), ts(), minify()],
    onwarn: quiet,
  },
  {
    input: 'src/widget/index.ts',
    output: { file: 'dist/otklik-widget.js', format: 'es', sourcemap: 'hidden' },
    plugins: [localesPlugin(), resolve(), ts(), minify()],
  },
  {
    input: 'src/index.ts',
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [localesPlugin(), resolve(), ts({ outDir: 'dist/esm', declaration: true, declarationDir: 'dist/esm' })],
  },
]
