import { extname } from 'node:path'
import type { Chunking } from './types'

// A blank line: one line terminator straight after another. A lone CR must
// not be followed by LF, or the two halves of one CRLF would read as a blank
// line. Matches LF LF, CRLF CRLF, and mixed framings alike.
const EOL = String.raw`(?:\r\n|\r(?!\n)|\n)`
const BLANK_LINE = new RegExp(EOL + EOL, 'g')

/** Cuts `bytes` after every match of `pattern`; the pieces join back to the input. */
function cutAfter(bytes: Buffer, pattern: RegExp): Buffer[] {
  // latin1 maps each byte to one char, so string offsets are byte offsets.
  const text = bytes.toString('latin1')
  const pieces: Buffer[] = []
  let start = 0
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length
    pieces.push(bytes.subarray(start, end))
    start = end
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start))
  return pieces
}

/**
 * One piece per SSE event (separator kept with its event) or per NDJSON
 * line; any other file is a single piece.
 */
export function splitEvents(bytes: Buffer, fixture: string): Buffer[] {
  const ext = extname(fixture)
  if (ext === '.sse') return cutAfter(bytes, BLANK_LINE)
  if (ext === '.ndjson') return cutAfter(bytes, /\n/g)
  return bytes.length > 0 ? [bytes] : []
}

/** Fixed-size pieces; deliberately blind to UTF-8 so characters can be split. */
export function splitBytes(bytes: Buffer, size: number): Buffer[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer: ${size}`)
  const pieces: Buffer[] = []
  for (let start = 0; start < bytes.length; start += size) pieces.push(bytes.subarray(start, start + size))
  return pieces
}

export function splitFixture(bytes: Buffer, fixture: string, chunking: Chunking = 'event'): Buffer[] {
  return chunking === 'event' ? splitEvents(bytes, fixture) : splitBytes(bytes, chunking.bytes)
}
