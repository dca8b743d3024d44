import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_LOCAL_CANDIDATES, detectLocalServers } from '../../src/main/providers/local-detect'
import { startMockProvider, type MockProvider } from '../support/mock-provider'

let mock: MockProvider

beforeEach(async () => {
  // Local servers take no key.
  mock = await startMockProvider({ apiKey: null })
})
afterEach(async () => {
  await mock.close()
})

/** A port that was free a moment ago and now has nothing listening. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createTcpServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Accepts connections and never answers, like a wedged process on the port. */
async function silentServer(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/api/tags`, server }
}

describe('detectLocalServers', () => {
  it('defaults to Ollama on 11434 and LM Studio on 1234', () => {
    expect(DEFAULT_LOCAL_CANDIDATES).toEqual([
      { presetId: 'ollama', url: 'http://127.0.0.1:11434/api/tags' },
      { presetId: 'lmstudio', url: 'http://127.0.0.1:1234/v1/models' }
    ])
  })

  it('finds a server that lists its models, and gives the base URL its preset wants', async () => {
    const found = await detectLocalServers(globalThis.fetch, [
      { presetId: 'ollama', url: `${mock.origin}/api/tags` },
      { presetId: 'lmstudio', url: `${mock.baseUrl}/models` }
    ])
    expect(found).toEqual([
      { presetId: 'ollama', url: `${mock.origin}/api/tags`, baseUrl: mock.origin },
      { presetId: 'lmstudio', url: `${mock.baseUrl}/models`, baseUrl: mock.baseUrl }
    ])
  })

  it('a closed port is not detected, and nothing throws', async () => {
    const port = await closedPort()
    const found = await detectLocalServers(globalThis.fetch, [
      { presetId: 'ollama', url: `${mock.origin}/api/tags` },
      { presetId: 'lmstudio', url: `http://127.0.0.1:${port}/v1/models` }
    ])
    expect(found.map((server) => server.presetId)).toEqual(['ollama'])
  })

  it('a server that answers something other than a model list is not detected', async () => {
    // The mock has no GET route here: 404 with a JSON body.
    const found = await detectLocalServers(globalThis.fetch, [{ presetId: 'lmstudio', url: `${mock.origin}/not-a-model-list` }])
    expect(found).toEqual([])
  })

  it('a wedged process that accepts the connection but never answers is not detected', async () => {
    const silent = await silentServer()
    try {
      expect(await detectLocalServers(globalThis.fetch, [{ presetId: 'ollama', url: silent.url }], 200)).toEqual([])
    } finally {
      silent.server.closeAllConnections()
      await new Promise((resolve) => silent.server.close(resolve))
    }
  })

  it('probes every candidate at once, and gives up on a silent one at its timeout', async () => {
    let inFlight = 0
    let mostInFlight = 0
    // A fetch that never answers: it only ends when the probe's own timeout aborts it.
    const silentFetch: typeof globalThis.fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        inFlight++
        mostInFlight = Math.max(mostInFlight, inFlight)
        init?.signal?.addEventListener('abort', () => {
          inFlight--
          reject(init.signal?.reason)
        })
      })
    const found = await detectLocalServers(
      silentFetch,
      [
        { presetId: 'ollama', url: 'http://127.0.0.1:11434/api/tags' },
        { presetId: 'lmstudio', url: 'http://127.0.0.1:1234/v1/models' }
      ],
      50
    )
    expect(found).toEqual([])
    // Side by side, not one after the other: both were waiting at the same time.
    expect(mostInFlight).toBe(2)
    expect(inFlight).toBe(0)
  })
})
