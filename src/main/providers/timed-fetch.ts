import { ConnectTimeoutError, IdleTimeoutError } from './errors'

export interface TimedFetchOptions {
  /** Time allowed until the response headers arrive. */
  connectTimeoutMs: number
  /** Longest silence allowed while we wait for the next bytes of the body. */
  idleTimeoutMs: number
  fetchImpl?: typeof globalThis.fetch
}

function linkAbort(outer: AbortSignal | null | undefined, inner: AbortController): void {
  if (!outer) return
  if (outer.aborted) inner.abort(outer.reason)
  else outer.addEventListener('abort', () => inner.abort(outer.reason), { once: true })
}

/**
 * A fetch for the provider SDKs that gives up when the provider goes quiet.
 * The idle clock runs only while we are waiting for bytes, so keep-alive
 * comments and slow reasoning models that still send something are fine,
 * and a slow consumer never counts against the provider. The SDKs' own
 * timeouts cover the whole request, which is wrong for a long answer.
 */
export function createTimedFetch({ connectTimeoutMs, idleTimeoutMs, fetchImpl = globalThis.fetch }: TimedFetchOptions): typeof globalThis.fetch {
  return async (input, init) => {
    const controller = new AbortController()
    linkAbort(init?.signal, controller)
    const connectTimer = setTimeout(() => controller.abort(new ConnectTimeoutError(connectTimeoutMs)), connectTimeoutMs)
    let response: Response
    try {
      response = await fetchImpl(input, { ...init, signal: controller.signal })
    } catch (error) {
      throw controller.signal.reason instanceof ConnectTimeoutError ? controller.signal.reason : error
    } finally {
      clearTimeout(connectTimer)
    }
    if (!response.body) return response

    const reader = response.body.getReader()
    const watched = new ReadableStream<Uint8Array>({
      async pull(sink) {
        const idleTimer = setTimeout(() => controller.abort(new IdleTimeoutError(idleTimeoutMs)), idleTimeoutMs)
        try {
          const { done, value } = await reader.read()
          if (done) sink.close()
          else sink.enqueue(value)
        } catch (error) {
          sink.error(controller.signal.reason instanceof IdleTimeoutError ? controller.signal.reason : error)
        } finally {
          clearTimeout(idleTimer)
        }
      },
      cancel(reason) {
        controller.abort(reason)
        return reader.cancel(reason)
      }
    })
    return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}
