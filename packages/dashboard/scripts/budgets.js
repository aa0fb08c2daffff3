// The size budgets (gzip, bytes; 1 KB = 1000 B), shared by the build report
// and the test: the JavaScript a page loads before it can show anything
// (its entry and the chunks the entry imports statically), each chunk loaded
// later, and the stylesheet.
export const DIST = new URL('../dist/', import.meta.url)
export const BUDGETS = { initial: 60_000, lazyChunk: 30_000, css: 12_000 }
