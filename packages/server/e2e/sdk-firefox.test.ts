// The SDK's three-engine suite (sdk-engines.ts) in Firefox ESR: one file per engine, so that they run in parallel.
import { engineSuite } from './sdk-engines.js'

engineSuite('firefox')
