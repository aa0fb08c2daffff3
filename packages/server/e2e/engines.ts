/**
 * The three browser engines the SDK is tested in, behind one small driver:
 * Chromium (playwright-core), Firefox ESR (puppeteer-core over WebDriver
 * BiDi) and WebKitGTK (Debian's WebKitWebDriver with selenium-webdriver;
 * MiniBrowser has no headless mode, so it runs under an Xvfb of its own).
 * Everything started here is stopped by `close()`, also after a failed start.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright-core'
import puppeteer from 'puppeteer-core'
import { Builder, Key, type WebDriver } from 'selenium-webdriver'
import { freePort } from '../test-support/server-process.js'

export type EngineName = 'chromium' | 'firefox' | 'webkit'
export type KeyName = 'Tab' | 'Enter' | 'Space' | 'ArrowRight' | 'ArrowDown' | 'Escape'

/** One tab of a browser: all a keyboard-only person does, and a way to look into the page. */
export interface Tab {
  goto(url: string): Promise<void>
  /** The function's value in the page (JSON); it may return a promise. */
  run<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>
  press(key: KeyName): Promise<void>
  type(text: string): Promise<void>
  url(): Promise<string>
  close(): Promise<void>
}

export interface Engine {
  name: EngineName
  /** A fresh tab with storage of its own (a context, or in WebKitGTK a session: one at a time). */
  tab(): Promise<Tab>
  close(): Promise<void>
}

/** How the existing Chromium tests launch it too. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
}

const LAUNCH_MS = 90_000
const withTimeout = <T>(what: string, p: Promise<T>, ms = LAUNCH_MS): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)))
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

export async function launchEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'chromium':
      return launchChromium()
    case 'firefox':
      return launchFirefox()
    case 'webkit':
      return launchWebKit()
  }
}

async function launchChromium(): Promise<Engine> {
  const browser = await withTimeout('chromium', chromium.launch({ ...CHROMIUM_LAUNCH, timeout: LAUNCH_MS }))
  return {
    name: 'chromium',
    async tab() {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } })
      const page = await context.newPage()
      return {
        goto: async (url) => void (await page.goto(url)),
        run: (fn, ...args) => page.evaluate(`(${fn.toString()}).apply(null, ${JSON.stringify(args)})`),
        press: (key) => page.keyboard.press(key),
        type: (text) => page.keyboard.type(text),
        url: async () => page.url(),
        close: () => context.close(),
      }
    },
    close: () => browser.close(),
  }
}

async function launchFirefox(): Promise<Engine> {
  const browser = await withTimeout(
    'firefox',
    puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true, timeout: LAUNCH_MS, protocolTimeout: LAUNCH_MS }),
  )
  return {
    name: 'firefox',
    async tab() {
      const context = await browser.createBrowserContext()
      const page = await context.newPage()
      await page.setViewport({ width: 1024, height: 800 })
      return {
        goto: async (url) => void (await page.goto(url)),
        run: (fn, ...args) => page.evaluate(`(${fn.toString()}).apply(null, ${JSON.stringify(args)})`) as never,
        // Puppeteer names the space bar ' '.
        press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
        type: (text) => page.keyboard.type(text),
        url: async () => page.url(),
        close: () => context.close(),
      }
    },
    close: () => browser.close(),
  }
}

/** MiniBrowser ships with libwebkit2gtk; its path is the package's, found by dpkg. */
function miniBrowser(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH
  const path = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })
    .split('\n')
    .find((p) => p.endsWith('/MiniBrowser'))
  if (!path) throw new Error('MiniBrowser not found: apt-get install libwebkit2gtk-4.1-0 webkit2gtk-driver (.ci/run does)')
  return path
}

/** Starts Xvfb on a display it picks itself (-displayfd), so that parallel runs never collide. */
async function startXvfb(): Promise<{ proc: ChildProcess; display: string }> {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] })
  const display = await withTimeout(
    'Xvfb',
    new Promise<string>((resolve, reject) => {
      let out = ''
      proc.stdio[3]!.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('\n')) resolve(`:${out.trim()}`)
      })
      proc.on('error', reject)
      proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)))
    }),
    30_000,
  )
  return { proc, display }
}

/** Resolves once the WebDriver server answers /status. */
async function driverReady(url: string, proc: ChildProcess): Promise<void> {
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${proc.exitCode}`)
    try {
      if ((await fetch(`${url}/status`)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('WebKitWebDriver did not start within 30 s')
}

async function launchWebKit(): Promise<Engine> {
  const started: ChildProcess[] = []
  const drivers: WebDriver[] = []
  const close = async (): Promise<void> => {
    await Promise.allSettled(drivers.map((d) => withTimeout('webkit quit', d.quit(), 30_000)))
    for (const p of started.reverse()) if (p.exitCode === null) p.kill()
  }
  try {
    const binary = miniBrowser()
    const xvfb = await startXvfb()
    started.push(xvfb.proc)
    const port = await freePort()
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } })
    started.push(driver)
    const server = `http://127.0.0.1:${port}`
    await driverReady(server, driver)
    return {
      name: 'webkit',
      async tab() {
        // A session is a browser of its own (WebKitGTK's automation opens one window per session).
        const caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } }
        const d = await withTimeout('webkit session', new Builder().usingServer(server).withCapabilities(caps).build())
        drivers.push(d)
        await d.manage().setTimeouts({ script: 30_000, pageLoad: 60_000 })
        await d.manage().window().setRect({ width: 1024, height: 800 })
        const keys: Record<KeyName, string> = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, ArrowRight: Key.ARROW_RIGHT, ArrowDown: Key.ARROW_DOWN, Escape: Key.ESCAPE }
        return {
          goto: (url) => d.get(url),
          run: (fn, ...args) => d.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args),
          press: (key) => d.actions({ async: true }).sendKeys(keys[key]).perform(),
          type: (text) => d.actions({ async: true }).sendKeys(text).perform(),
          url: () => d.getCurrentUrl(),
          async close() {
            drivers.splice(drivers.indexOf(d), 1)
            await withTimeout('webkit quit', d.quit(), 30_000)
          },
        }
      },
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}
