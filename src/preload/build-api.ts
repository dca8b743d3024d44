import type { BridgeTransport } from '../shared/ipc/api-types'

/**
 * Builds the object exposed as `window.api` from the contract's channel
 * names. Only those channels exist on it: there is no generic invoke.
 *
 * It is self-contained on purpose (no imports at run time, no closures over
 * module state) because the browser tests inject this same function into
 * Chromium as source text.
 */
export function buildApi(
  requestChannels: readonly string[],
  eventChannels: readonly string[],
  transport: BridgeTransport
): Record<string, Record<string, unknown>> {
  const camel = (name: string): string => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
  const api: Record<string, Record<string, unknown>> = {}
  const domainOf = (channel: string): { domain: string; name: string } => {
    const [kebab, name] = channel.split(':') as [string, string]
    const domain = camel(kebab)
    api[domain] ??= {}
    return { domain, name }
  }
  for (const channel of requestChannels) {
    const { domain, name } = domainOf(channel)
    api[domain]![camel(name)] = (input?: unknown) => transport.invoke(channel, input)
  }
  for (const event of eventChannels) {
    const { domain, name } = domainOf(event)
    const method = 'on' + camel(name).replace(/^./, (c) => c.toUpperCase())
    api[domain]![method] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${event} listener must be a function`)
      return transport.subscribe(event, listener)
    }
  }
  for (const domain of Object.values(api)) Object.freeze(domain)
  return Object.freeze(api)
}
