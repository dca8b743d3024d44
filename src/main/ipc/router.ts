import { AppError, isAppError, type AppErrorShape } from '../../shared/errors'
import { isRequestChannel, type RequestChannel } from '../../shared/ipc/channels'
import {
  requestContract,
  type IpcResult,
  type RequestInput,
  type RequestOutput
} from '../../shared/ipc/contract'

/** Who sent a request, as far as the transport can tell. */
export interface SenderInfo {
  /** Identifies the window's web contents (Electron) or the page (tests). */
  contentsId: number
  /** URL of the frame that sent the message. */
  frameUrl: string
  /** True when the message came from the top-level frame, not an iframe. */
  isMainFrame: boolean
}

export type SenderPolicy = (sender: SenderInfo) => boolean

/** A handler for each channel; leaving one out is a compile error. */
export type Handlers = {
  [C in RequestChannel]: (input: RequestInput<C>, sender: SenderInfo) => Promise<RequestOutput<C>> | RequestOutput<C>
}

export interface Router {
  invoke(channel: unknown, payload: unknown, sender: SenderInfo): Promise<IpcResult<unknown>>
}

export interface RouterOptions {
  handlers: Handlers
  isTrustedSender: SenderPolicy
  /** Receives unexpected errors; never receives request payloads. */
  onInternalError?: (channel: string, error: unknown) => void
}

function failure(error: AppErrorShape): IpcResult<never> {
  return { ok: false, error }
}

/**
 * Checks sender, channel and payload, then runs the handler. Never throws:
 * every failure becomes a typed `{ code, message }` for the caller.
 */
export function createRouter({ handlers, isTrustedSender, onInternalError }: RouterOptions): Router {
  return {
    async invoke(channel, payload, sender) {
      if (!isTrustedSender(sender)) {
        return failure({ code: 'forbidden_sender', message: 'This request did not come from a Chofesh window.' })
      }
      if (!isRequestChannel(channel)) {
        return failure({ code: 'unknown_channel', message: 'This request is not part of the Chofesh API.' })
      }
      const parsed = requestContract[channel].input.safeParse(payload)
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
          .join('; ')
        return failure({ code: 'validation', message: `Invalid ${channel} request (${issues}).` })
      }
      try {
        const handler = handlers[channel] as (input: unknown, sender: SenderInfo) => unknown
        const value = await handler(parsed.data, sender)
        return { ok: true, value: value ?? null }
      } catch (error) {
        if (isAppError(error)) return failure(error.toShape())
        onInternalError?.(channel, error)
        return failure(new AppError('internal', 'Something went wrong inside Chofesh.').toShape())
      }
    }
  }
}
