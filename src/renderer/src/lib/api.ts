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
  /** Links in answers open in the system browser, through main, which checks them first. */
  openLink: (url: string) => unwrap(window.api.links.open({ url })),
  fetchImage: async (url: string) => (await unwrap(window.api.images.fetch({ url }))).dataUrl,
  writeClipboard: async (text: string) => void (await unwrap(window.api.clipboard.write({ text }))),
  getSettings: () => unwrap(window.api.settings.get()),
  updateSettings: (changes: Parameters<typeof window.api.settings.update>[0]) => unwrap(window.api.settings.update(changes)),
  listProviders: () => unwrap(window.api.providers.list()),
  saveProvider: (input: Parameters<typeof window.api.providers.save>[0]) => unwrap(window.api.providers.save(input)),
  removeProvider: (providerId: string) => unwrap(window.api.providers.remove({ providerId })),
  testProvider: (providerId: string) => unwrap(window.api.providers.test({ providerId })),
  detectLocalProviders: () => unwrap(window.api.providers.detectLocal()),
  listModels: (providerId: string, refresh: boolean) => unwrap(window.api.models.list({ providerId, refresh })),
  setKey: (providerId: string, key: string) => unwrap(window.api.keys.set({ providerId, key })),
  deleteKey: (providerId: string) => unwrap(window.api.keys.delete({ providerId })),
  listConversations: () => unwrap(window.api.conversations.list()),
  getConversation: (conversationId: string) => unwrap(window.api.conversations.get({ conversationId })),
  updateConversationSettings: (input: Parameters<typeof window.api.conversations.updateSettings>[0]) =>
    unwrap(window.api.conversations.updateSettings(input)),
  renameConversation: (conversationId: string, title: string) => unwrap(window.api.conversations.rename({ conversationId, title })),
  deleteConversation: (conversationId: string) => unwrap(window.api.conversations.delete({ conversationId })),
  deleteMessage: (messageId: string) => unwrap(window.api.messages.delete({ messageId })),
  send: (input: Parameters<typeof window.api.chat.send>[0]) => unwrap(window.api.chat.send(input)),
  regenerate: (input: Parameters<typeof window.api.chat.regenerate>[0]) => unwrap(window.api.chat.regenerate(input)),
  cancel: (streamId: string) => unwrap(window.api.chat.cancel({ streamId })),
  onStream: (listener: Parameters<typeof window.api.chat.onStream>[0]) => window.api.chat.onStream(listener),
  onConversationsChanged: (listener: Parameters<typeof window.api.conversations.onChanged>[0]) =>
    window.api.conversations.onChanged(listener),
  onNewConversation: (listener: Parameters<typeof window.api.conversations.onNew>[0]) => window.api.conversations.onNew(listener),
  onConversationOpen: (listener: Parameters<typeof window.api.conversations.onOpen>[0]) => window.api.conversations.onOpen(listener),
  onQuickAskShown: (listener: Parameters<typeof window.api.quickAsk.onShown>[0]) => window.api.quickAsk.onShown(listener),
  hideQuickAsk: () => unwrap(window.api.quickAsk.hide()),
  openInMain: (conversationId: string) => unwrap(window.api.quickAsk.openInMain({ conversationId }))
}

/** A sentence for the user from any failure. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.'
}
