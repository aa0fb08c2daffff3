/**
 * Evaluates the flags once at start and then every FLAGS_EVERY (real time;
 * the evaluation itself reads the injected clock). A failed run is logged
 * and the next one comes as planned. `stop` waits for a run in progress.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { FlagLife } from './life.js'

export interface Schedule {
  stop(): Promise<void>
}

export function scheduleEvaluations(flags: Pick<FlagLife, 'evaluate'>, everyMs: number, log?: FastifyBaseLogger): Schedule {
  let current: Promise<unknown> = Promise.resolve()
  let stopped = false
  const run = (trigger: 'start' | 'schedule') => {
    if (stopped) return
    current = flags.evaluate(trigger).catch((err: unknown) => log?.error({ err }, 'flag evaluation failed; the next one runs as planned'))
  }
  run('start')
  const timer = everyMs > 0 ? setInterval(() => run('schedule'), everyMs).unref() : undefined
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await current
    },
  }
}
