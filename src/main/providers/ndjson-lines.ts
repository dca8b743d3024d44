/**
 * The non-blank lines of an NDJSON body as they arrive. Network chunks cut
 * anywhere, even inside a line or a multi-byte UTF-8 character, so bytes are
 * decoded in streaming mode and a line is held back until its newline comes.
 * Stopping early (break, return, an error) cancels the body, which closes the connection.
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader()
  const decoder = new TextDecoder('utf-8')
  let buffered = ''
  let finished = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true })
      const lines = buffered.split('\n')
      // The last piece has no newline yet, unless the body ended.
      buffered = done ? '' : (lines.pop() ?? '')
      for (const line of lines) {
        const trimmed = line.trim()
        if (trimmed) yield trimmed
      }
      if (done) break
    }
    finished = true
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
