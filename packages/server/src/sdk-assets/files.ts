/**
 * Where the browser SDK's build is: found by package resolution (the SDK is
 * a dependency of the server), not by a path relative to this file, so that
 * it holds however the workspace is laid out or installed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface SdkPackage {
  /** The SDK's version: its files are served at /sdk/VERSION/. */
  version: string
  /** The build output (otklik.js, otklik-widget.js, manifest.json). */
  dist: string
}

/** The SDK package at `dir` (its package.json and dist/); by default the one the server depends on. */
export function sdkPackage(dir = dirname(createRequire(import.meta.url).resolve('@otklik/sdk/package.json'))): SdkPackage {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
  return { version, dist: join(dir, 'dist') }
}

/** Whether the SDK is built (its manifest is written last). */
export const isBuilt = (sdk: SdkPackage): boolean => existsSync(join(sdk.dist, 'manifest.json'))
