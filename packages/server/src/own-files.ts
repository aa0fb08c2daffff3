/**
 * Files the server serves from its own source tree (pages, styles and
 * browser scripts under `src/**\/public/`): tsc copies none of them to
 * dist/, so both the sources and the build read them from src/. This module
 * sits one level under the package in both, which makes one path right for both.
 */
import { fileURLToPath } from 'node:url'

/** The absolute path of `path` under the server's src/, e.g. `ownFile('open-data/public/')`. */
export const ownFile = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url))
