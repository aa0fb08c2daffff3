/**
 * The built SDK on disk (packages/sdk/dist), read lazily and kept in memory
 * until the file changes, so that a rebuild is served without a restart and
 * a missing build is an answer (503), not a crash.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// src/sdk-assets and dist/sdk-assets sit at the same depth under packages/server.
export const DEFAULT_SDK_DIR = fileURLToPath(new URL('../../../sdk/dist/', import.meta.url))

export interface SdkFile {
  body: Buffer
  mtimeMs: number
}

export interface Manifest {
  version: string
  files: Record<string, { bytes: number; gzip: number; integrity: string }>
}

export class SdkFiles {
  private cache = new Map<string, SdkFile>()

  constructor(readonly dir: string = DEFAULT_SDK_DIR) {}

  /** The file's bytes, or undefined when it is not there (the SDK is not built). */
  async get(name: string): Promise<Buffer | undefined> {
    const path = join(this.dir, name)
    try {
      const { mtimeMs } = await stat(path)
      const hit = this.cache.get(name)
      if (hit?.mtimeMs === mtimeMs) return hit.body
      const body = await readFile(path)
      this.cache.set(name, { body, mtimeMs })
      return body
    } catch {
      return undefined
    }
  }

  async manifest(): Promise<Manifest | undefined> {
    const raw = await this.get('manifest.json')
    if (!raw) return undefined
    try {
      return JSON.parse(raw.toString('utf8')) as Manifest
    } catch {
      return undefined
    }
  }
}
