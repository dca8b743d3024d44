import { describe, expect, it, vi } from 'vitest'
import { buildApi } from '../../src/preload/build-api'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/ipc/channels'
import type { BridgeTransport } from '../../src/shared/ipc/api-types'

function setup() {
  const unsubscribe = vi.fn()
  const transport = {
    invoke: vi.fn<BridgeTransport['invoke']>(async (channel) => ({ ok: true, value: channel })),
    subscribe: vi.fn<BridgeTransport['subscribe']>(() => unsubscribe)
  }
  const api = buildApi(REQUEST_CHANNELS, EVENT_CHANNELS, transport)
  return { api, transport, unsubscribe }
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())

/** What window.api must look like, derived independently from the channel lists. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {}
  for (const channel of REQUEST_CHANNELS) {
    const [kebab, verb] = channel.split(':') as [string, string]
    const domain = camel(kebab)
    ;(shape[domain] ??= []).push(camel(verb))
  }
  for (const event of EVENT_CHANNELS) {
    const [kebab, name] = event.split(':') as [string, string]
    const domain = camel(kebab)
    const method = camel(name)
    ;(shape[domain] ??= []).push(`on${method[0]!.toUpperCase()}${method.slice(1)}`)
  }
  return shape
}

describe('buildApi', () => {
  it('api.keys.set forwards its input to keys:set and returns what the transport returns', async () => {
    const { api, transport } = setup()
    const input = { providerId: 'openai', key: 'sk-x' }
    const set = api.keys?.set as (input: unknown) => Promise<unknown>
    await expect(set(input)).resolves.toEqual({ ok: true, value: 'keys:set' })
    expect(transport.invoke).toHaveBeenCalledExactlyOnceWith('keys:set', input)
  })

  it('maps every request channel to a function that invokes exactly that channel', async () => {
    const { api, transport } = setup()
    for (const channel of REQUEST_CHANNELS) {
      const [kebab, verb] = channel.split(':') as [string, string]
      const method = api[camel(kebab)]?.[camel(verb)]
      expect(typeof method, channel).toBe('function')
      transport.invoke.mockClear()
      await (method as (input?: unknown) => Promise<unknown>)({ probe: channel })
      expect(transport.invoke, channel).toHaveBeenCalledExactlyOnceWith(channel, { probe: channel })
    }
  })

  it('api.chat.onStream subscribes to chat:stream and hands back the unsubscribe', () => {
    const { api, transport, unsubscribe } = setup()
    const listener = vi.fn()
    const onStream = api.chat?.onStream as (listener: (payload: unknown) => void) => () => void
    const off = onStream(listener)
    expect(transport.subscribe).toHaveBeenCalledExactlyOnceWith('chat:stream', listener)
    expect(off).toBe(unsubscribe)
    off()
    expect(unsubscribe).toHaveBeenCalledOnce()
  })

  it('refuses a listener that is not a function', () => {
    const { api, transport } = setup()
    const onStream = api.chat?.onStream as (listener: unknown) => unknown
    expect(() => onStream('not a function')).toThrow(TypeError)
    expect(transport.subscribe).not.toHaveBeenCalled()
  })

  it('has exactly the contract methods: no generic invoke, send or on', () => {
    const { api } = setup()
    const shape = expectedShape()
    expect(Object.keys(api).sort()).toEqual(Object.keys(shape).sort())
    for (const [domain, methods] of Object.entries(shape)) {
      expect(Object.keys(api[domain] ?? {}).sort(), domain).toEqual([...methods].sort())
    }
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'once', 'emit', 'subscribe', 'ipcRenderer', 'postMessage']) {
      expect(generic in api, generic).toBe(false)
    }
    for (const [domain, methods] of Object.entries(api)) {
      expect(Object.keys(methods).filter((name) => ['invoke', 'subscribe', 'on', 'emit'].includes(name)), domain).toEqual([])
    }
    // chat:send is a contract channel; it exists only as that one method.
    expect(typeof api.chat?.send).toBe('function')
  })

  it('is frozen, domains included', () => {
    const { api } = setup()
    expect(Object.isFrozen(api)).toBe(true)
    for (const domain of Object.values(api)) expect(Object.isFrozen(domain)).toBe(true)
    expect(() => {
      ;(api as Record<string, unknown>).invoke = () => null
    }).toThrow(TypeError)
    expect(() => {
      ;(api.keys as Record<string, unknown>).set = () => null
    }).toThrow(TypeError)
    expect('invoke' in api).toBe(false)
  })
})
