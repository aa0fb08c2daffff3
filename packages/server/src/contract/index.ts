// The contract's dependency-free half: types and limits. The zod schemas
// live in `events.ts` and are imported by the server only.
export * from './limits.js'
export type * from './types.js'
