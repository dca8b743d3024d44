import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Vector {
  /** File and position, for failure messages. */
  id: string
  title: string
  payload: string
  /** markdown-vectors.json's annotation, where there is one. */
  expect?: string
}

const DIR = join(process.cwd(), 'tests/fixtures/xss')

function jsonVectors(file: string): Vector[] {
  const entries = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Array<{ title: string | null; payload: string; expect?: string }>
  return entries.map((entry, index) => ({
    id: `${file}#${index}`,
    title: entry.title ?? '(untitled)',
    payload: entry.payload,
    ...(entry.expect ? { expect: entry.expect } : {})
  }))
}

function lineVectors(file: string): Vector[] {
  return readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .map((line, index) => ({ id: `${file}:${index + 1}`, title: line.slice(0, 60), payload: line }))
    .filter((vector) => vector.payload.trim() !== '')
}

/** Every vector of every file, grouped by file. */
export const VECTOR_FILES: ReadonlyArray<{ file: string; vectors: Vector[] }> = [
  { file: 'dompurify-vectors.json', vectors: jsonVectors('dompurify-vectors.json') },
  { file: 'markdown-vectors.json', vectors: jsonVectors('markdown-vectors.json') },
  { file: 'payloadsallthethings-IntrudersXSS.txt', vectors: lineVectors('payloadsallthethings-IntrudersXSS.txt') },
  { file: 'payloadsallthethings-RSNAKE_XSS.txt', vectors: lineVectors('payloadsallthethings-RSNAKE_XSS.txt') }
]
