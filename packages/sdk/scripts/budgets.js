// The size budgets (gzip, bytes; 1 KB = 1024 B), shared by the build report and the test suite.
export const DIST = new URL('../dist/', import.meta.url)
export const BUDGETS = {
  'otklik.js': 3 * 1024,
  'otklik-widget.js': 7 * 1024,
}
