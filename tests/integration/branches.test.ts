import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../src/main/app-core'
import type { SenderInfo } from '../../src/main/ipc/router'
import { createKeyVault } from '../../src/main/secrets/key-vault'
import type { ConversationDetail, ConversationSummary } from '../../src/shared/domain'
import { startMockProvider, type MockProvider } from '../support/mock-provider'
import { clearKeychainService, uniqueKeychainService } from '../support/factories/keychain'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'

/** Edits and regenerations are branches of the message tree; nothing is overwritten. */
const SENDER: SenderInfo = { contentsId: 1, frameUrl: 'app://chofesh/index.html', isMainFrame: true }
type Sent = { conversationId: string; userMessageId: string; assistantMessageId: string; streamId: string }

let dataDir: string
let service: string
let core: AppCore
let mock: MockProvider

beforeEach(async () => {
  dataDir = makeTempDir()
  service = uniqueKeychainService('branches')
  mock = await startMockProvider({ apiKey: null })
  core = createAppCore({ version: 't', dataDir, keychainService: service, isTrustedSender: () => true, openExternal: async () => false })
  await call('providers:save', { id: 'local', preset: 'custom', name: 'Local', baseUrl: mock.baseUrl, defaultModel: null, enabled: true, azure: null })
})

afterEach(async () => {
  await core.dispose()
  await mock.close()
  await clearKeychainService(createKeyVault({ service }))
  removeTempDir(dataDir)
})

async function call<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await core.router.invoke(channel, payload, SENDER)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function settled<T extends Sent>(sent: T): Promise<T> {
  await core.chat?.settled(sent.streamId)
  return sent
}

const send = (text: string, conversationId: string | null, parentId?: string | null) =>
  call<Sent>('chat:send', { conversationId, providerId: 'local', model: 'm', text, ...(parentId === undefined ? {} : { parentId }) }).then(settled)

const messages = async (conversationId: string) => (await call<ConversationDetail>('conversations:get', { conversationId })).messages

function lastRequestTurns(): string[] {
  const request = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)
  return (JSON.parse(request?.body ?? '{}') as { messages: Array<{ content: string }> }).messages.map((m) => m.content)
}

describe('branches', () => {
  it('regenerate adds a sibling answer to the same question and keeps the first', async () => {
    const first = await send('question', null)
    const again = await settled(await call<Sent>('chat:regenerate', { messageId: first.assistantMessageId, providerId: 'local', model: 'm' }))
    expect(again.userMessageId).toBe(first.userMessageId)
    const all = await messages(first.conversationId)
    const answers = all.filter((m) => m.parentId === first.userMessageId)
    expect(answers.map((m) => m.id)).toEqual([first.assistantMessageId, again.assistantMessageId])
    expect(answers.every((m) => m.status === 'complete')).toBe(true)
    // The new answer was asked with the question only, not with the answer it replaces.
    expect(lastRequestTurns()).toEqual(['question'])
  })

  it('edit & resend branches from the edited message’s parent; the original branch stays', async () => {
    const first = await send('first question', null)
    const second = await send('second question', first.conversationId, first.assistantMessageId)
    // Edit the second question: a sibling of it, under the first answer.
    const edited = await send('second question, better', first.conversationId, first.assistantMessageId)
    const all = await messages(first.conversationId)
    const siblings = all.filter((m) => m.parentId === first.assistantMessageId).map((m) => m.content)
    expect(siblings).toEqual(['second question', 'second question, better'])
    expect(all.find((m) => m.id === second.assistantMessageId)?.status).toBe('complete')
    const answer = all.find((m) => m.id === edited.assistantMessageId)
    expect(answer?.parentId).toBe(edited.userMessageId)
    expect(lastRequestTurns().filter((turn) => turn.includes('question'))).toEqual(['first question', 'second question, better'])
  })

  it('deleting a message removes what followed it on its branch, and nothing else', async () => {
    const first = await send('keep me', null)
    const second = await send('delete me', first.conversationId, first.assistantMessageId)
    await call('messages:delete', { messageId: second.userMessageId })
    const left = (await messages(first.conversationId)).map((m) => m.id)
    expect(left).toEqual([first.userMessageId, first.assistantMessageId])
  })

  it('a parent from another conversation is refused and nothing is stored', async () => {
    const a = await send('in a', null)
    const b = await send('in b', null)
    const refused = await core.router.invoke('chat:send', { conversationId: b.conversationId, parentId: a.assistantMessageId, providerId: 'local', model: 'm', text: 'x' }, SENDER)
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await messages(b.conversationId)).toHaveLength(2)
  })

  it('conversations can be renamed and deleted with all their messages', async () => {
    const sent = await send('to be renamed', null)
    const renamed = await call<ConversationSummary>('conversations:rename', { conversationId: sent.conversationId, title: 'A better title' })
    expect(renamed.title).toBe('A better title')
    await call('conversations:delete', { conversationId: sent.conversationId })
    expect(await call<ConversationSummary[]>('conversations:list')).toEqual([])
    expect(core.store?.messages.get(sent.userMessageId)).toBeNull()
  })
})
