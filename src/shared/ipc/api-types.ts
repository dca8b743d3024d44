import type { EventChannel, RequestChannel } from './channels'
import type { EventContract, IpcResult, RequestArgument, RequestOutput } from './contract'

/**
 * The shape of `window.api`, derived from the contract: `keys:set` becomes
 * `api.keys.set(input)`, `quick-ask:open-in-main` becomes
 * `api.quickAsk.openInMain(input)`, the event `chat:stream` becomes
 * `api.chat.onStream(listener)` which returns an unsubscribe function.
 */
type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never
type KebabToCamel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<KebabToCamel<Tail>>}`
  : S

type RequestMethod<C extends RequestChannel> = undefined extends RequestArgument<C>
  ? () => Promise<IpcResult<RequestOutput<C>>>
  : (input: RequestArgument<C>) => Promise<IpcResult<RequestOutput<C>>>

type EventMethod<E extends EventChannel> = (listener: (payload: EventContract[E]) => void) => () => void

type DomainApi<D extends string> = {
  [C in RequestChannel as C extends `${D}:${infer Verb}` ? KebabToCamel<Verb> : never]: RequestMethod<C>
} & {
  [E in EventChannel as E extends `${D}:${infer Name}` ? `on${Capitalize<KebabToCamel<Name>>}` : never]: EventMethod<E>
}

export type ChofeshApi = {
  [D in Domain<RequestChannel | EventChannel> as KebabToCamel<D>]: DomainApi<D>
}

/** How the api reaches main: Electron's ipcRenderer in the preload, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}
