/**
 * Every error that crosses the IPC boundary is one of these codes plus a
 * sentence a user can read. Provider failures use the same taxonomy for all
 * providers (DESIGN §5); the rest are the app's own.
 */
export const PROVIDER_ERROR_CODES = [
  'auth',
  'permission',
  'rate_limit',
  'overloaded',
  'context_length',
  'model_not_found',
  'bad_request',
  'network',
  'timeout',
  'cancelled',
  'provider'
] as const

export const APP_ERROR_CODES = [
  'validation',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'keychain_unavailable',
  'missing_key',
  'db_unavailable',
  'db_corrupt',
  'db_unwritable',
  /** An answer cut off because Chofesh closed or crashed while it streamed. */
  'interrupted',
  'internal'
] as const

export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number]
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]
export type ErrorCode = ProviderErrorCode | AppErrorCode

export interface AppErrorShape {
  code: ErrorCode
  message: string
  /** Seconds to wait before retrying, when the provider said so. */
  retryAfterSeconds?: number
}

/** An error that carries a code from the taxonomy; thrown in main, sent as data. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly retryAfterSeconds: number | undefined

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, { cause: options?.cause })
    this.name = 'AppError'
    this.code = code
    this.retryAfterSeconds = options?.retryAfterSeconds
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message }
    if (this.retryAfterSeconds !== undefined) shape.retryAfterSeconds = this.retryAfterSeconds
    return shape
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
