#!/usr/bin/env node
/** `otklik` entry: every failure is one clear line on stderr and a non-zero exit. */
import { CliError } from './cli/data-access.js'
import { buildProgram } from './cli/program.js'
import { ConfigError } from './config.js'
import { DataDirBusyError } from './data-dir-lock.js'
import { InvalidOriginError, SiteExistsError } from './registry/sites.js'

const KNOWN = [ConfigError, CliError, DataDirBusyError, SiteExistsError, InvalidOriginError]

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    const known = KNOWN.some((k) => err instanceof k)
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(`otklik: ${known ? message : `unexpected error: ${message}`}\n`)
    if (!known && err instanceof Error && process.env.LOG_LEVEL === 'debug') process.stderr.write(`${err.stack}\n`)
    process.exit(known ? 2 : 1)
  })
