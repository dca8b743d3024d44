import { describe, expect, it, vi, type Mock } from 'vitest'
import { createRouter, type Handlers, type SenderInfo } from '../../../src/main/ipc/router'
import { createSenderPolicy } from '../../../src/main/ipc/sender-policy'
import { REQUEST_CHANNELS, type RequestChannel } from '../../../src/shared/ipc/channels'
import { AppError } from '../../../src/shared/errors'

type HandlerMocks = Handlers & { [C in RequestChannel]: Mock }

function mockHandlers(): HandlerMocks {
  const handlers: Record<string, Mock> = {}
  for (const channel of REQUEST_CHANNELS) handlers[channel] = vi.fn(async () => null)
  return handlers as unknown as HandlerMocks
}

const trusted: SenderInfo = { contentsId: 1, frameUrl: 'app://chofesh/index.html', isMainFrame: true }

function setup() {
  const handlers = mockHandlers()
  const onInternalError = vi.fn()
  const router = createRouter({
    handlers,
    isTrustedSender: createSenderPolicy({ origins: ['app://chofesh'], contentsIds: () => new Set([1]) }),
    onInternalError
  })
  const noHandlerCalled = () => {
    for (const channel of REQUEST_CHANNELS) expect(handlers[channel], channel).not.toHaveBeenCalled()
  }
  return { handlers, router, onInternalError, noHandlerCalled }
}

describe('router', () => {
  it('runs the handler with the parsed input and the sender', async () => {
    const { router, handlers } = setup()
    handlers['keys:set'].mockResolvedValue({ providerId: 'openai', hasKey: true, hint: 'sk-…9f2c' })
    const result = await router.invoke('keys:set', { providerId: 'openai', key: '  sk-test  ' }, trusted)
    expect(result).toEqual({ ok: true, value: { providerId: 'openai', hasKey: true, hint: 'sk-…9f2c' } })
    expect(handlers['keys:set']).toHaveBeenCalledExactlyOnceWith({ providerId: 'openai', key: 'sk-test' }, trusted)
  })

  it.each([
    ['keys:set', { providerId: 'Not An Id', key: 'sk-test' }],
    ['keys:set', { providerId: 'openai', key: '' }],
    ['keys:set', { providerId: 'openai', key: 'sk-test', extra: true }],
    ['keys:set', 'openai'],
    ['keys:set', null],
    ['keys:list', { unexpected: 1 }],
    ['chat:send', { conversationId: null, providerId: 'openai', model: 'gpt', text: 42 }],
    ['links:open', { url: 'x'.repeat(5000) }]
  ])('rejects a malformed %s payload without calling the handler', async (channel, payload) => {
    const { router, noHandlerCalled } = setup()
    const result = await router.invoke(channel, payload, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    noHandlerCalled()
  })

  it('does not echo a rejected key back in the error', async () => {
    const { router } = setup()
    const key = `sk-${'9'.repeat(5000)}`
    const result = await router.invoke('keys:set', { providerId: 'openai', key }, trusted)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain('9999999999')
  })

  it.each([
    ['a foreign origin', { ...trusted, frameUrl: 'https://evil.example/' }],
    ['a look-alike origin', { ...trusted, frameUrl: 'app://chofesh.evil/index.html' }],
    ['an iframe', { ...trusted, isMainFrame: false }],
    ['an unknown web contents', { ...trusted, contentsId: 99 }],
    ['a frame without a URL', { ...trusted, frameUrl: '' }]
  ])('refuses %s without calling the handler', async (_label, sender) => {
    const { router, noHandlerCalled } = setup()
    const result = await router.invoke('keys:list', undefined, sender)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    noHandlerCalled()
  })

  it.each(['keys:dump', 'KEYS:LIST', '__proto__', 'constructor', 42, null])(
    'answers unknown_channel for %s',
    async (channel) => {
      const { router, noHandlerCalled } = setup()
      const result = await router.invoke(channel, undefined, trusted)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
      noHandlerCalled()
    }
  )

  it("passes an AppError's code and message through", async () => {
    const { router, handlers, onInternalError } = setup()
    handlers['conversations:get'].mockRejectedValue(new AppError('not_found', 'That conversation no longer exists.'))
    const result = await router.invoke('conversations:get', { conversationId: 'c1' }, trusted)
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That conversation no longer exists.' }
    })
    expect(onInternalError).not.toHaveBeenCalled()
  })

  it('turns an unexpected error into internal without leaking its text', async () => {
    const { router, handlers, onInternalError } = setup()
    const error = new Error('SQLITE_CORRUPT at /home/user/secret sk-live-123')
    handlers['keys:list'].mockImplementation(() => {
      throw error
    })
    const result = await router.invoke('keys:list', undefined, trusted)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret|sk-live/)
    expect(onInternalError).toHaveBeenCalledExactlyOnceWith('keys:list', error)
  })
})
