import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HangUps } from './hang-ups'
import { authForUnrouted, checkAuth, findRoute } from './routes'
import { checkModelPages, defaultModelPages, sendModelPage } from './model-lists'
import { checkScenario, DEFAULT_SCENARIO, playScenario, sendFixture } from './scenarios'
import type { MockProvider, MockProviderOptions, RecordedRequest, Scenario } from './types'

export const DEFAULT_API_KEY = 'sk-test-mock-0000'

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
    // 'close' without 'end': the client left mid-body; nothing to answer.
    req.on('close', () => reject(new Error('request closed before its body ended')))
  })
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

function sendNotFound(res: ServerResponse, method: string, path: string): void {
  const body = JSON.stringify({ error: { message: `mock provider has no route for ${method} ${path}`, type: 'not_found' } })
  res.writeHead(404, { 'content-type': 'application/json' })
  res.end(body)
}

export async function startMockProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  const apiKey = options.apiKey === undefined ? DEFAULT_API_KEY : options.apiKey
  const requests: RecordedRequest[] = []
  const hangUps = new HangUps()
  let scenario: Scenario = DEFAULT_SCENARIO
  const queued: Scenario[] = []
  const modelPages = defaultModelPages()
  let shuttingDown = false

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'http://mock.invalid')
    const body = await readBody(req)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      url: req.url ?? '/',
      headers: flattenHeaders(req.headers),
      body,
      clientClosed: false
    }
    requests.push(record)

    let serverDropped = false
    res.on('close', () => {
      // Only an early hang-up by the client counts, not our own drops.
      if (res.writableEnded || serverDropped || shuttingDown) return
      record.clientClosed = true
      hangUps.record(record)
    })

    const route = findRoute(method, url.pathname, req.headers)
    const rejection = checkAuth(route?.auth ?? authForUnrouted(url.pathname), apiKey, req.headers, url.searchParams)
    if (rejection) return sendFixture(res, rejection.status, rejection.fixture)
    if (!route) return sendNotFound(res, method, url.pathname)
    if (route.answer === 'scenario') {
      // Snapshot: a setScenario during this stream applies to the next request.
      await playScenario(queued.shift() ?? scenario, { res, serverDrop: () => (serverDropped = true) })
      return
    }
    if ('models' in route.answer) return sendModelPage(res, route.answer.models, modelPages[route.answer.models], url.searchParams)
    sendFixture(res, 200, route.answer.fixture)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Mid-stream or mid-body there is no clean way to report, so just hang up.
      if (res.headersSent || !req.complete) {
        res.destroy()
        return
      }
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`mock provider failed: ${String(error)}`)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      shuttingDown = true
      hangUps.close(new Error('mock provider closed'))
      server.close((error) => (error ? reject(error) : resolve()))
      // Destroys stalled streams and idle keep-alive sockets, so nothing keeps the process alive.
      server.closeAllConnections()
    })
    return closing
  }

  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    setScenario(next) {
      checkScenario(next)
      scenario = next
    },
    queueScenarios(...next) {
      next.forEach(checkScenario)
      queued.push(...next)
    },
    setModelPages(kind, pages) {
      checkModelPages(pages)
      modelPages[kind] = [...pages]
    },
    waitForClientClose: () => hangUps.next(),
    close
  }
}
