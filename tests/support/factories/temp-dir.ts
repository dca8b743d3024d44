import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh, empty folder under the OS temp dir. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'chofesh-'))
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
