// The size budgets (gzip, bytes), shared by the build report and the test
// suite. The "3 KB" and "7 KB" are read in the strict sense: 1 KB = 1000 B.
export const DIST = new URL('../dist/', import.meta.url)
export const BUDGETS = {
  'otklik.js': 3000,
  'otklik-widget.js': 7000,
}
