import type { Page } from '@playwright/test'
import type { EventBus } from '../../../src/main/ipc/event-bus'
import type { Router } from '../../../src/main/ipc/router'
import { buildApi } from '../../../src/preload/build-api'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../src/shared/ipc/channels'

/** Everything that crossed the bridge, as the renderer saw it. */
export interface BridgeTraffic {
  /** Requests the page made: channel and payload. */
  requests: Array<{ channel: unknown; payload: unknown }>
  /** What the page received: request results and pushed events. */
  delivered: unknown[]
}

/** Runs inside the page, before the renderer's own scripts; no closures over test state. */
function installInPage(build: typeof buildApi, requestChannels: string[], eventChannels: string[]): void {
  type Listener = (payload: unknown) => void
  const listeners = new Map<string, Set<Listener>>()
  const page = globalThis as unknown as {
    __chofeshInvoke(channel: string, payload: unknown): Promise<unknown>
  }
  Object.defineProperty(globalThis, '__chofeshDispatch', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  })
  const api = build(requestChannels, eventChannels, {
    invoke: (channel, payload) => page.__chofeshInvoke(channel, payload),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  })
  Object.defineProperty(globalThis, 'api', { value: api })
}

/**
 * Gives a Playwright page the same `window.api` the preload builds, wired to
 * the real router and event bus in the test process instead of Electron IPC.
 * Call before the first navigation.
 */
export async function installBridge(page: Page, core: { router: Router; bus: EventBus }): Promise<BridgeTraffic> {
  const traffic: BridgeTraffic = { requests: [], delivered: [] }
  await page.exposeBinding('__chofeshInvoke', async (source, channel: unknown, payload: unknown) => {
    traffic.requests.push({ channel, payload })
    const result = await core.router.invoke(channel, payload, {
      contentsId: 1,
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame()
    })
    traffic.delivered.push(result)
    return result
  })
  const unsubscribe = core.bus.subscribe((event, payload) => {
    traffic.delivered.push(payload)
    page
      .evaluate(([name, data]) => (globalThis as unknown as { __chofeshDispatch(n: string, d: unknown): void }).__chofeshDispatch(name, data), [
        event,
        payload
      ] as const)
      .catch(() => undefined) // the page may be reloading or closed
  })
  page.once('close', unsubscribe)
  await page.addInitScript({
    content: `(${installInPage.toString()})(${buildApi.toString()}, ${JSON.stringify(REQUEST_CHANNELS)}, ${JSON.stringify(EVENT_CHANNELS)});`
  })
  return traffic
}
