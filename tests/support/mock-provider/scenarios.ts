import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { contentTypeFor, loadFixture } from './fixtures'
import { splitEvents, splitFixture } from './sse'
import type { Scenario } from './types'

export const DEFAULT_SCENARIO: Scenario = { kind: 'replay', fixture: 'openai-chat-stream-text.sse' }

/** A response plus a way to say "the server, not the client, cut this off". */
export interface Reply {
  res: ServerResponse
  serverDrop(): void
}

/** Loads the scenario's fixture now, so a typo fails in setScenario, not mid-test. */
export function checkScenario(scenario: Scenario): void {
  if (scenario.kind === 'raw') return
  const bytes = loadFixture(scenario.fixture)
  if (scenario.kind === 'reset-after' && !(scenario.bytes >= 0 && scenario.bytes <= bytes.length)) {
    throw new Error(`reset-after bytes must be within 0..${bytes.length}`)
  }
}

/** A complete, non-streamed fixture body (errors, model lists). */
export function sendFixture(res: ServerResponse, status: number, fixture: string, headers: Record<string, string> = {}): void {
  const body = loadFixture(fixture)
  res.writeHead(status, { 'content-type': contentTypeFor(fixture), 'content-length': String(body.length), ...headers })
  res.end(body)
}

function startStream(res: ServerResponse, status: number, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-cache' })
  // Headers go out now, so a client sees the response begin even if no byte follows.
  res.flushHeaders()
}

/** Writes pieces in order; false if the client left before the last one. */
async function writeAll(res: ServerResponse, pieces: Buffer[], delayMs: number): Promise<boolean> {
  for (const [i, piece] of pieces.entries()) {
    if (i > 0 && delayMs > 0) await sleep(delayMs)
    if (res.destroyed) return false
    // Honour backpressure so a huge fixture in tiny pieces stays bounded in memory.
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done)
          res.off('close', done)
          resolve()
        }
        res.on('drain', done)
        res.on('close', done)
      })
    }
  }
  return !res.destroyed
}

export async function playScenario(scenario: Scenario, reply: Reply): Promise<void> {
  const { res } = reply
  switch (scenario.kind) {
    case 'replay': {
      const bytes = loadFixture(scenario.fixture)
      startStream(res, scenario.status ?? 200, contentTypeFor(scenario.fixture))
      const pieces = splitFixture(bytes, scenario.fixture, scenario.chunk)
      if (await writeAll(res, pieces, scenario.delayMs ?? 0)) res.end()
      return
    }
    case 'http-error':
      sendFixture(res, scenario.status, scenario.fixture, scenario.headers)
      return
    case 'reset-after': {
      const head = loadFixture(scenario.fixture).subarray(0, scenario.bytes)
      startStream(res, 200, contentTypeFor(scenario.fixture))
      // Drop only after the bytes reach the socket, so the client gets exactly N.
      res.write(head, () => {
        reply.serverDrop()
        res.destroy()
      })
      return
    }
    case 'stall': {
      const pieces = splitEvents(loadFixture(scenario.fixture), scenario.fixture)
      startStream(res, 200, contentTypeFor(scenario.fixture))
      // Never ends on purpose: the client or close() has to hang up.
      await writeAll(res, pieces.slice(0, scenario.afterEvents), 0)
      return
    }
    case 'raw': {
      startStream(res, scenario.status ?? 200, scenario.contentType)
      const pieces = scenario.chunks.map((text) => Buffer.from(text, 'utf8'))
      if (await writeAll(res, pieces, scenario.delayMs ?? 0)) res.end()
      return
    }
  }
}
