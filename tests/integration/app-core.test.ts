import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppCore, type AppCore } from '../../src/main/app-core'
import type { SenderInfo } from '../../src/main/ipc/router'
import { createKeyVault } from '../../src/main/secrets/key-vault'
import { openStore } from '../../src/main/store'
import type { AppStatus, ConversationDetail, ProviderView } from '../../src/shared/domain'
import type { ChatStreamEvent, IpcResult } from '../../src/shared/ipc/contract'
import { startMockProvider, type MockProvider } from '../support/mock-provider'
import { clearKeychainService, uniqueKeychainService } from '../support/factories/keychain'
import { openaiAnswerText } from '../support/factories/openai-fixture'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'

const SENDER: SenderInfo = { contentsId: 1, frameUrl: 'app://chofesh/index.html', isMainFrame: true }
const EXPECTED_TEXT = openaiAnswerText('openai-chat-stream-text.sse')

let dataDir: string
let keychainService: string
let core: AppCore | null
let mock: MockProvider | null
let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<boolean>>>
let log: ReturnType<typeof vi.fn<(message: string, error?: unknown) => void>>
let events: Array<{ event: string; payload: unknown }>

beforeEach(() => {
  dataDir = makeTempDir()
  keychainService = uniqueKeychainService('core')
  core = null
  mock = null
  openExternal = vi.fn(async () => true)
  log = vi.fn()
  events = []
})

afterEach(async () => {
  await core?.dispose()
  await mock?.close()
  await clearKeychainService(createKeyVault({ service: keychainService }))
  removeTempDir(dataDir)
})

function startCore(): AppCore {
  core = createAppCore({ version: '9.9.9-test', dataDir, keychainService, isTrustedSender: () => true, openExternal, log })
  core.bus.subscribe((event, payload) => events.push({ event, payload }))
  return core
}

/** Invokes through the router and unwraps a success; fails the test on an error result. */
async function call<T>(channel: string, payload?: unknown): Promise<T> {
  if (!core) throw new Error('core not started')
  const result = await core.router.invoke(channel, payload, SENDER)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function saveMockProvider(baseUrl: string): Promise<ProviderView> {
  return call<ProviderView>('providers:save', {
    id: 'mock',
    preset: 'custom',
      azure: null,
    name: 'Mock',
    baseUrl,
    defaultModel: 'gpt-4o',
    enabled: true
  })
}

async function sendAndSettle(text: string): Promise<{ conversationId: string; assistantMessageId: string; streamId: string }> {
  const sent = await call<{ conversationId: string; assistantMessageId: string; streamId: string }>('chat:send', {
    conversationId: null,
    providerId: 'mock',
    model: 'gpt-4o',
    text
  })
  await core?.chat?.settled(sent.streamId)
  return sent
}

describe('app core behind the router', () => {
  it('reports its status', async () => {
    startCore()
    const status = await call<AppStatus>('app:status')
    expect(status).toEqual({
      version: '9.9.9-test',
      // No Electron here, so no global shortcut to report on.
      quickAskShortcut: null,
      keychain: { status: 'ok', message: null },
      database: { ok: true, path: join(dataDir, 'chofesh.sqlite') }
    })
  })

  it('saves a provider and its key, then answers a chat end to end', async () => {
    mock = await startMockProvider()
    startCore()

    expect(await saveMockProvider(mock.baseUrl)).toMatchObject({ id: 'mock', hasKey: false, hint: null })
    expect(await call('keys:set', { providerId: 'mock', key: 'sk-test-mock-0000' })).toEqual({
      providerId: 'mock',
      hasKey: true,
      hint: 'sk-…0000'
    })
    expect(await call<ProviderView[]>('providers:list')).toEqual([
      expect.objectContaining({ id: 'mock', baseUrl: mock.baseUrl, hasKey: true })
    ])

    const sent = await sendAndSettle('hello')
    const detail = await call<ConversationDetail>('conversations:get', { conversationId: sent.conversationId })
    expect(detail.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'hello', 'complete'],
      ['assistant', EXPECTED_TEXT, 'complete']
    ])
    expect((await call<Array<{ id: string }>>('conversations:list')).map((c) => c.id)).toEqual([sent.conversationId])

    const streamed = events.filter((e) => e.event === 'chat:stream').map((e) => e.payload as ChatStreamEvent)
    expect(streamed.at(-1)).toMatchObject({ type: 'done', status: 'complete', streamId: sent.streamId })
    expect(log).not.toHaveBeenCalled()
  })

  it('rejects an empty key as a validation error and stores nothing', async () => {
    startCore()
    const result = await core!.router.invoke('keys:set', { providerId: 'x', key: '' }, SENDER)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    const blank = await core!.router.invoke('keys:set', { providerId: 'x', key: '   ' }, SENDER)
    expect(blank).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await call('keys:list')).toEqual([])
  })

  it('marks answers left streaming by a previous run as interrupted, keeping their text', async () => {
    const previous = openStore(join(dataDir, 'chofesh.sqlite'))
    previous.conversations.insert({ id: 'c1', title: 'Before the crash', source: 'chat', providerId: null, model: null, systemPrompt: null, params: {}, createdAt: 1, updatedAt: 1 })
    previous.messages.insert({
      id: 'a1',
      conversationId: 'c1',
      parentId: null,
      role: 'assistant',
      content: '',
      providerId: 'mock',
      model: 'gpt-4o',
      status: 'streaming',
      createdAt: 1
    })
    previous.messages.saveProgress('a1', 'half of an answer', '', 2)
    previous.close()

    startCore()
    const detail = await call<ConversationDetail>('conversations:get', { conversationId: 'c1' })
    expect(detail.messages).toEqual([expect.objectContaining({ id: 'a1', status: 'interrupted', content: 'half of an answer' })])
  })

  it('keeps running with a corrupt database and says so instead of throwing', async () => {
    const path = join(dataDir, 'chofesh.sqlite')
    const garbage = Buffer.concat([Buffer.from('definitely not sqlite'), randomBytes(4096 - 21)])
    writeFileSync(path, garbage)

    startCore()
    expect(core!.store).toBeNull()

    const status = await call<AppStatus>('app:status')
    expect(status.database).toMatchObject({ ok: false, code: 'db_corrupt', path })
    expect(status.keychain.status).toBe('ok')

    const list = (await core!.router.invoke('conversations:list', undefined, SENDER)) as IpcResult<unknown>
    expect(list).toMatchObject({ ok: false, error: { code: 'db_unavailable' } })
    const send = await core!.router.invoke(
      'chat:send',
      { conversationId: null, providerId: 'mock', model: 'gpt-4o', text: 'hello' },
      SENDER
    )
    expect(send).toMatchObject({ ok: false, error: { code: 'db_unavailable' } })
    // Keys still work: they never depended on the database.
    expect(await call('keys:list')).toEqual([])

    expect(readFileSync(path).equals(garbage)).toBe(true)
    expect(log).not.toHaveBeenCalled()
  })
})

describe('the raw key never leaves main (except to the keychain and its provider)', () => {
  /** Every file under `dir`, recursively, as bytes. */
  function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return { path, bytes: readFileSync(path) }
      })
  }

  function expectNoKeyIn(haystack: Buffer | string, key: string, where: string): void {
    const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack
    const secretPart = key.slice('sk-test-SCAN-'.length, -4)
    for (const needle of [key, secretPart]) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), `${where} contains the key (utf8)`).toBe(false)
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${where} contains the key (utf16)`).toBe(false)
    }
  }

  it('appears in no IPC result, no event and no file in the data folder', async () => {
    const key = 'sk-test-SCAN-' + randomBytes(18).toString('base64url')
    expect(key.length).toBe('sk-test-SCAN-'.length + 24)
    mock = await startMockProvider({ apiKey: key })
    startCore()

    const results: unknown[] = []
    const invoke = async (channel: string, payload?: unknown): Promise<IpcResult<unknown>> => {
      const result = await core!.router.invoke(channel, payload, SENDER)
      results.push(result)
      return result
    }

    await invoke('providers:save', { id: 'mock', preset: 'custom',
      azure: null, name: 'Mock', baseUrl: mock.baseUrl, defaultModel: 'gpt-4o', enabled: true })
    await invoke('keys:set', { providerId: 'mock', key })
    await invoke('keys:list')
    await invoke('providers:list')
    await invoke('app:status')
    const sent = await invoke('chat:send', { conversationId: null, providerId: 'mock', model: 'gpt-4o', text: 'hello' })
    if (!sent.ok) throw new Error(JSON.stringify(sent.error))
    const { streamId, conversationId } = sent.value as { streamId: string; conversationId: string }
    await core!.chat!.settled(streamId)
    // A failing answer too: error paths carry messages that could quote a request.
    mock.setScenario({ kind: 'http-error', status: 500, fixture: 'openai-error-500-server-error.json' })
    const failed = await invoke('chat:send', { conversationId, providerId: 'mock', model: 'gpt-4o', text: 'again' })
    if (!failed.ok) throw new Error(JSON.stringify(failed.error))
    await core!.chat!.settled((failed.value as { streamId: string }).streamId)
    await invoke('conversations:list')
    const detail = await invoke('conversations:get', { conversationId })

    // The key did reach its provider, and the answers really happened: the scan is not vacuous.
    // One answer, its title, then the failing one tried three times (5xx before the first token is retried).
    expect(mock.requests.map((r) => r.headers.authorization)).toEqual(Array(5).fill(`Bearer ${key}`))
    expect(detail).toMatchObject({ ok: true })
    const messages = (detail as { value: ConversationDetail }).value.messages
    expect(messages.map((m) => m.status)).toEqual(['complete', 'complete', 'complete', 'error'])
    expect(messages[1]?.content).toBe(EXPECTED_TEXT)
    expect(events.length).toBeGreaterThan(0)

    expectNoKeyIn(JSON.stringify(results), key, 'router results')
    expectNoKeyIn(JSON.stringify(events), key, 'bus events')
    const logged = log.mock.calls.map(([message, error]) => `${message} ${String(error)} ${(error as Error | undefined)?.stack ?? ''}`)
    expectNoKeyIn(logged.join('\n'), key, 'log')

    // While the database is open (WAL and shared-memory files present) ...
    const whileOpen = filesUnder(dataDir)
    expect(whileOpen.map((f) => f.path)).toContain(join(dataDir, 'chofesh.sqlite'))
    // A control: the scan does see what was stored (the answer's text is in the files).
    expect(whileOpen.some((file) => file.bytes.includes(Buffer.from('San Francisco')))).toBe(true)
    for (const file of whileOpen) expectNoKeyIn(file.bytes, key, file.path)

    // ... and after a checkpoint and close.
    await core!.dispose()
    core = null
    const afterClose = filesUnder(dataDir)
    expect(afterClose.some((file) => file.bytes.includes(Buffer.from('San Francisco')))).toBe(true)
    for (const file of afterClose) expectNoKeyIn(file.bytes, key, file.path)
  })
})

describe('removing providers while the keychain is unreachable', () => {
  it('removes a keyless local server, but keeps a keyed provider whose key could not be deleted', async () => {
    core = createAppCore({
      version: '9.9.9-test',
      dataDir,
      keychainService,
      isTrustedSender: () => true,
      openExternal,
      log,
      loadKeychain: async () => {
        throw new Error('no Secret Service on this bus')
      }
    })
    const base = { defaultModel: null, enabled: true, azure: null }
    await call('providers:save', { ...base, id: 'ollama', preset: 'ollama', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434' })
    await call('providers:save', { ...base, id: 'openai', preset: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1' })

    await call('providers:remove', { providerId: 'ollama' })
    const refused = await core.router.invoke('providers:remove', { providerId: 'openai' }, SENDER)
    expect(refused).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } })
    expect((await call<ProviderView[]>('providers:list')).map((provider) => provider.id)).toEqual(['openai'])
  })
})
