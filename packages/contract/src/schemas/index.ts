// The zod schemas of the event contract and of every API request and
// response: the server validates with them and documents them in OpenAPI.
export * from './events.js'
export * from './issue-reason.js'
