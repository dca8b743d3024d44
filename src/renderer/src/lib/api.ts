import type { AppErrorShape, ErrorCode } from '../../../shared/errors'
import type { IpcResult } from '../../../shared/ipc/contract'

/** A failed request, with the code from the shared taxonomy. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly retryAfterSeconds: number | undefined

  constructor(shape: AppErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.retryAfterSeconds = shape.retryAfterSeconds
  }
}

async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

/**
 * The renderer's only door to main. Each method resolves with the value or
 * throws an ApiError; nothing else in the renderer touches window.api.
 */
export const api = {
  appStatus: () => unwrap(window.api.app.status()),
  listProviders: () => unwrap(window.api.providers.list()),
  saveProvider: (input: Parameters<typeof window.api.providers.save>[0]) => unwrap(window.api.providers.save(input)),
  setKey: (providerId: string, key: string) => unwrap(window.api.keys.set({ providerId, key })),
  listConversations: () => unwrap(window.api.conversations.list()),
  getConversation: (conversationId: string) => unwrap(window.api.conversations.get({ conversationId })),
  send: (input: Parameters<typeof window.api.chat.send>[0]) => unwrap(window.api.chat.send(input)),
  cancel: (streamId: string) => unwrap(window.api.chat.cancel({ streamId })),
  onStream: (listener: Parameters<typeof window.api.chat.onStream>[0]) => window.api.chat.onStream(listener)
}
