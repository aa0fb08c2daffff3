// The contract's dependency-free half: the rules and the types. The zod
// schemas are `@otklik/contract/schemas`, for the server (and tests).
export * from './rules.js'
export type * from './types.js'
