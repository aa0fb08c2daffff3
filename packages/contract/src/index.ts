// The contract's dependency-free half: the rules and the event types (no
// zod, not even in declarations). The zod schemas are
// `@otklik/contract/schemas`; every API type is `@otklik/contract/types`.
export * from './rules.js'
export type * from './types.js'
