export type LocalPresetId = 'ollama' | 'lmstudio'

/** A local server to look for: the preset it belongs to and the model-list URL that proves it is there. */
export interface LocalCandidate {
  presetId: LocalPresetId
  url: string
}

export interface DetectedLocalServer extends LocalCandidate {
  /** The base URL its preset's adapter wants: the probe URL without the model-list path. */
  baseUrl: string
}

/** Default ports: Ollama 11434 (native API), LM Studio 1234 (OpenAI-compatible). */
export const DEFAULT_LOCAL_CANDIDATES: readonly LocalCandidate[] = [
  { presetId: 'ollama', url: 'http://127.0.0.1:11434/api/tags' },
  { presetId: 'lmstudio', url: 'http://127.0.0.1:1234/v1/models' }
]

/** Ollama lists `{models: [...]}`, OpenAI-style servers `{data: [...]}`. */
function isModelList(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false
  const { models, data } = body as { models?: unknown; data?: unknown }
  return Array.isArray(models) || Array.isArray(data)
}

// Ollama's native API lives at the server root; OpenAI-style servers keep /models under their base URL.
const baseUrlOf = (probeUrl: string): string => probeUrl.replace(/\/(api\/tags|models)\/?$/, '')

async function answers(fetchImpl: typeof globalThis.fetch, candidate: LocalCandidate, timeoutMs: number): Promise<boolean> {
  try {
    // The timeout covers the body too: a port held by something that never answers must not hold up the others.
    const response = await fetchImpl(candidate.url, { signal: AbortSignal.timeout(timeoutMs) })
    return response.status === 200 && isModelList(await response.json())
  } catch {
    // Refused, timed out, or not JSON: nothing we can use is listening there.
    return false
  }
}

/**
 * Which local model servers are running, probed in parallel with a short
 * timeout so a closed port costs nothing. A server only counts if it
 * answers its model list, not merely accepts the connection. Never throws.
 */
export async function detectLocalServers(
  fetchImpl: typeof globalThis.fetch,
  candidates: readonly LocalCandidate[] = DEFAULT_LOCAL_CANDIDATES,
  timeoutMs = 800
): Promise<DetectedLocalServer[]> {
  const found = await Promise.all(candidates.map((candidate) => answers(fetchImpl, candidate, timeoutMs)))
  return candidates.filter((_, i) => found[i]).map((candidate) => ({ ...candidate, baseUrl: baseUrlOf(candidate.url) }))
}
