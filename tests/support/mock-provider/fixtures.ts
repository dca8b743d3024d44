import { readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'

// Tests always run from the repo root; using cwd avoids __dirname vs
// import.meta differences between vitest and Playwright's TS loader.
export const FIXTURES_DIR = join(process.cwd(), 'tests/fixtures/providers')

const cache = new Map<string, Buffer>()

/** The exact bytes of a fixture file. Throws at once on an unknown name. */
export function loadFixture(name: string): Buffer {
  // A bare file name only, so a typo can never read outside the folder.
  if (basename(name) !== name) throw new Error(`fixture must be a bare file name: ${name}`)
  let bytes = cache.get(name)
  if (!bytes) {
    bytes = readFileSync(join(FIXTURES_DIR, name))
    cache.set(name, bytes)
  }
  return bytes
}

const CONTENT_TYPES: Record<string, string> = {
  '.sse': 'text/event-stream',
  '.ndjson': 'application/x-ndjson',
  '.json': 'application/json'
}

export function contentTypeFor(name: string): string {
  return CONTENT_TYPES[extname(name)] ?? 'application/octet-stream'
}
