/**
 * The `otklik` command surface: serve, migrate, sites and tokens, the
 * registry and history imports, flag evaluation, demo data and benchmarks.
 */
import { Command, Option } from 'commander'
import { VERSION } from '../app.js'
import { SCOPES, type Scope } from '../auth/scopes.js'
import { CliError, withData, type AdminApi } from './data-access.js'
import { loadConfig } from '../config.js'
import { createSite, type NewSite, type ServicePolicy } from '../registry/sites.js'
import { createToken } from '../registry/tokens.js'
import { importCommand } from './history-import.js'
import { eraseData, type EraseResult } from '../privacy/erase.js'
import { EraseRequest, toTarget } from '../privacy/erase-request.js'
import { seedDemo, type SeedResult } from '../demo/seed.js'
import { evaluateCommand } from '../flag-life/evaluate-command.js'
import { registryImportCommand } from './registry-import.js'
import { serveForever } from '../server.js'
import { benchIngest } from '../bench/ingest.js'
import { benchQuery, parseSizes } from '../bench/query.js'
import { benchSdk } from '../bench/sdk.js'
import { applyRetention } from '../storage/migrate.js'
import { parseInstant } from '@otklik/contract/rules'

const out = (line: string) => process.stdout.write(`${line}\n`)
const err = (line: string) => process.stderr.write(`${line}\n`)

export function buildProgram(): Command {
  const program = new Command()
    .name('otklik')
    .description('Otklik: feedback and analytics for public services')
    .version(VERSION)
    .showHelpAfterError()

  program
    .command('serve')
    .description('run the server (HOST, PORT, DATA_DIR, CLICKHOUSE_* from the environment)')
    .action(async () => serveForever(loadConfig()))

  program
    .command('migrate')
    .description('apply pending schema migrations (the server also does this at start)')
    .action(async () => {
      const config = loadConfig()
      await withData(config, {
        creates: true,
        direct: async (store, migrated) => {
          await applyRetention(store, config.retentionDays)
          for (const m of migrated.applied) out(`applied migration ${m.version}: ${m.name}`)
          if (migrated.applied.length === 0) out('schema is up to date')
        },
      })
    })

  const site = program.command('site').description('sites that send events')
  site
    .command('add')
    .description('add a web site (with its allowed origins) or an app site (kiosk, mobile app, call centre)')
    .option('--origin <url...>', 'allowed page origin, e.g. https://example.gov.ru (repeatable; *.domain allowed)')
    .option('--name <name>', 'a human name for the site')
    .option('--app', 'an app site: sends its secret key in X-Otklik-Key instead of an origin')
    .option('--key <key>', 'choose the public site key instead of a random one')
    .option('--services <which>', 'services its events may name: any (default), registered, or a comma-separated list of ids')
    .action(async (opts: { origin?: string[]; name?: string; app?: boolean; key?: string; services?: string }) => {
      const services = opts.services === undefined ? undefined : servicePolicy(opts.services)
      const input: NewSite = {
        kind: opts.app ? 'app' : 'web',
        name: opts.name ?? (opts.app ? 'app' : (opts.origin?.[0] ?? 'site')),
        origins: opts.origin ?? [],
        ...(opts.key ? { key: opts.key } : {}),
        ...(services ? { services } : {}),
      }
      if (!opts.app && input.origins?.length === 0) throw new CliError('a web site needs --origin URL (or use --app)')
      const created = await withData(loadConfig(), {
        direct: async (store) => createSite(store, input),
        viaServer: (api: AdminApi) => api.call<Awaited<ReturnType<typeof createSite>>>('POST', '/v1/sites', input),
      })
      out(`site key: ${created.site.key}`)
      if (created.secret) out(`secret ingestion key (shown once; send it in X-Otklik-Key): ${created.secret}`)
    })

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('create an API token; it is printed once')
    .addOption(new Option('--scope <scope>', 'what the token may do').choices(SCOPES).makeOptionMandatory())
    .option('--name <name>', 'who or what the token is for', '')
    .action(async (opts: { scope: Scope; name: string }) => {
      const created = await withData(loadConfig(), {
        direct: async (store) => createToken(store, opts.scope, opts.name),
        viaServer: (api) => api.call<{ token: string }>('POST', '/v1/tokens', { scope: opts.scope, name: opts.name }),
      })
      out(created.token)
    })
  program
    .command('bench')
    .description('benchmarks that print their figures')
    .command('ingest')
    .description('load POST /v1/events with autocannon beside the HTTP and storage ceilings measured in the same run')
    .option('--duration <s>', 'seconds of full load on Otklik (the ceilings and the 80 % run take at most 30 s)', toPositiveInt, 15)
    .option('--connections <n>', 'concurrent connections', toPositiveInt, 40)
    .option('--events <n>', 'events per request (at most 100, the contract limit)', toPositiveInt, 20)
    .option('--url <url>', 'an Otklik already running (default: a fresh server on a temporary data directory)')
    .option('--site <key>', 'with --url: a web site that allows the origin https://bench.example')
    .action(async (opts: { duration: number; connections: number; events: number; url?: string; site?: string }) => {
      if (opts.events > 100) throw new CliError('--events is at most 100 (the contract limit)')
      if (opts.url && !opts.site) throw new CliError('--url needs --site: the key of a web site that allows the origin https://bench.example')
      if (opts.url && !/^https?:\/\/[^/]+$/.test(opts.url)) throw new CliError('--url must be the server root, like http://127.0.0.1:8080')
      await benchIngest({
        durationS: opts.duration,
        connections: opts.connections,
        eventsPerRequest: opts.events,
        url: opts.url,
        site: opts.site,
        node: { execArgv: process.execArgv },
        cli: process.argv[1] ?? '',
        print: out,
      })
    })

  program.commands
    .find((c) => c.name() === 'bench')
    ?.command('query')
    .description('time the dashboard\'s API calls on generated events (a fresh temporary embedded database), cold and warm')
    .option('--events <sizes>', 'events, or a list of sizes measured one after the other (e.g. 1M,10M,100M)', '1M')
    .option('--repeats <n>', 'warm calls per figure (the median is printed)', toPositiveInt, 5)
    .action(async (opts: { events: string; repeats: number }) => {
      const sizes = parseSizes(opts.events)
      if (!sizes) throw new CliError(`--events: "${opts.events}" is not a size like 1M, 10M, 250k or a list of them`)
      await benchQuery({ sizes, repeats: opts.repeats, print: out })
    })

  program.commands
    .find((c) => c.name() === 'bench')
    ?.command('sdk')
    .description('the browser SDK and the dashboard in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium): main-thread time, long tasks, bytes, sizes')
    .option('--runs <n>', 'page loads measured (medians printed)', toPositiveInt, 5)
    .option('--events <n>', 'events generated for the dashboard overview', toPositiveInt, 200_000)
    .action(async (opts: { runs: number; events: number }) => benchSdk({ ...opts, print: out }))

  program
    .command('registry')
    .description('the registry of services, life situations and agencies')
    .command('import')
    .description('load a registry file: JSON or YAML { agencies, life_situations, services }, or CSV with one service per row')
    .argument('<file>', 'a .json, .yaml/.yml or .csv file (else the format is read from the content)')
    .action(async (file: string) => {
      await registryImportCommand(loadConfig(), file, { out, err })
    })

  program
    .command('import')
    .description('import historical events: one v1 event per line (ndjson), any age; a repeated import adds nothing')
    .argument('<file>', 'an .ndjson file; each line an event, optionally with user_agent and site')
    .option('--site <key>', 'site for events that name none (default: import)')
    .action(async (file: string, opts: { site?: string }) => {
      await importCommand(loadConfig(), file, opts, { out, err })
    })
  program
    .command('flags')
    .description('flags: services that need optimisation')
    .command('evaluate')
    .description('evaluate the flags now (the server also does this at start and every FLAGS_EVERY), and send their alerts')
    .action(async () => evaluateCommand(loadConfig(), out))

  program
    .command('erase')
    .description('delete a site\'s or a service\'s raw events (optionally only before a date) and the rollups derived from them; cannot be undone')
    .option('--site <key>', 'the site whose events go')
    .option('--service <id>', 'the service whose events go')
    .option('--before <date>', 'only what happened before this UTC date (YYYY-MM-DD)')
    .action(async (opts: { site?: string; service?: string; before?: string }) => {
      const parsed = EraseRequest.safeParse(opts)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new CliError(`${issue?.path.length ? `--${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'} (otklik erase --site KEY | --service ID [--before DATE])`)
      }
      const done = await withData(loadConfig(), {
        direct: (store) => eraseData(store, toTarget(parsed.data)),
        viaServer: (api: AdminApi) => api.call<EraseResult>('POST', '/v1/admin/erase', parsed.data),
      })
      out(`erased ${done.events} events and the rollup rows derived from them (${done.journeys} journeys touched)`)
    })
  program
    .command('demo')
    .description('demo data')
    .command('seed')
    .description('load a demo portfolio: agencies, services, life situations and 90 days of events with planted problems (once)')
    .option('--end <date>', 'where the 90 days end, exclusive like the API\'s `to` (a date such as 2026-11-28, a time, or epoch ms); default now')
    .action(async (opts: { end?: string }) => {
      const end = opts.end === undefined ? undefined : demoEnd(opts.end)
      const result = await withData(loadConfig(), {
        direct: (store) => seedDemo(store, { now: end }),
        viaServer: (api) => api.call<SeedResult>('POST', '/v1/admin/demo-seed', end === undefined ? {} : { end: new Date(end).toISOString() }),
      })
      if (!result.seeded) out(`demo data is there already (${result.events} events); nothing added`)
      else out(`demo data loaded: ${result.agencies} agencies, ${result.life_situations} life situations, ${result.services} services, ${result.events} events`)
    })
  return program
}

function demoEnd(value: string): number {
  const end = parseInstant(value)
  if (end === undefined) throw new CliError(`--end ${JSON.stringify(value)} is not a date: use YYYY-MM-DD, an ISO 8601 time or epoch milliseconds`)
  return end
}

function toPositiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${JSON.stringify(value)} is not a positive whole number`)
  return n
}

function servicePolicy(text: string): ServicePolicy {
  if (text === 'any' || text === 'registered') return text
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean)
  if (ids.length === 0) throw new CliError('--services needs any, registered or a comma-separated list of service ids')
  return ids
}
