/** How a replayed fixture is cut into separate writes. */
export type Chunking = 'event' | { bytes: number }

/**
 * What the mock answers to chat/stream requests. Fixture names are file
 * names in tests/fixtures/providers.
 */
export type Scenario =
  | {
      kind: 'replay'
      fixture: string
      /** Default 'event': one write per SSE event or NDJSON line. */
      chunk?: Chunking
      /** Pause between writes. Default 0. */
      delayMs?: number
      status?: number
    }
  | { kind: 'http-error'; status: number; fixture: string; headers?: Record<string, string> }
  /** Sends the first `bytes` bytes, then drops the connection. */
  | { kind: 'reset-after'; fixture: string; bytes: number }
  /** Sends the first `afterEvents` events, then goes silent without ending. */
  | { kind: 'stall'; fixture: string; afterEvents: number }
  /** Arbitrary bytes, e.g. malformed lines a real fixture never has. */
  | { kind: 'raw'; status?: number; contentType: string; chunks: string[]; delayMs?: number }

/** Whose model-list route a page belongs to. */
export type ModelListKind = 'openai' | 'anthropic' | 'gemini'

/**
 * One page of a model list. `cursor` is the value of the API's paging query
 * parameter that selects it (OpenAI `after`, Anthropic `after_id`, Gemini
 * `pageToken`); null for the first page, asked for without one.
 */
export interface ModelPage {
  cursor: string | null
  /** JSON-serialized; a Buffer is sent as is. */
  body: unknown
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. /v1/chat/completions */
  path: string
  /** Path with the query string, e.g. /v1beta/models/x:streamGenerateContent?alt=sse */
  url: string
  /** Lowercased names; repeated headers joined with ', '. */
  headers: Record<string, string>
  body: string
  /** True once the client hung up before the response ended. */
  clientClosed: boolean
}

export interface MockProvider {
  /** e.g. http://127.0.0.1:PORT/v1 — what an OpenAI SDK baseURL should be */
  readonly baseUrl: string
  /** http://127.0.0.1:PORT */
  readonly origin: string
  /** Every request received, in arrival order, once its body has been read. */
  readonly requests: RecordedRequest[]
  /** What the next chat/stream request(s) answer with; stays in force until changed. */
  setScenario(scenario: Scenario): void
  /** One-off answers for the next requests, in order, before the scenario in force applies again (e.g. a 429, then success). */
  queueScenarios(...scenarios: Scenario[]): void
  /** Replaces that provider's model list (GET /v1/models or /v1beta/models); stays until changed. */
  setModelPages(kind: ModelListKind, pages: ModelPage[]): void
  /**
   * Resolves with the next request whose client hangs up early. A hang-up
   * that happened before this call is not lost: each one is handed out once.
   */
  waitForClientClose(): Promise<RecordedRequest>
  close(): Promise<void>
}

export interface MockProviderOptions {
  /** Key the client must present. Default 'sk-test-mock-0000'; null turns auth off. */
  apiKey?: string | null
}
