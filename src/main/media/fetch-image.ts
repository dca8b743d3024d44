import { AppError } from '../../shared/errors'

/** Raster types only: an SVG can carry script and links, a raster image cannot. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])
const MAX_BYTES = 10 * 1024 * 1024

/**
 * Fetches a remote image the user asked to see, in main, and hands it to the
 * renderer as a data: URL (its CSP allows no remote images). Only http(s),
 * only raster images, at most 10 MB, within a time limit.
 */
export async function fetchImageAsDataUrl(url: string, fetchImpl: typeof globalThis.fetch = globalThis.fetch, timeoutMs = 15_000): Promise<string> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('validation', 'That is not an image address.')
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    throw new AppError('validation', 'Only http and https images can be loaded.')
  }
  let response: Response
  try {
    response = await fetchImpl(parsed.href, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', credentials: 'omit' })
  } catch (cause) {
    throw new AppError('network', `Could not reach ${parsed.host}.`, { cause })
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (!response.ok) throw new AppError('not_found', `${parsed.host} did not send the image (HTTP ${response.status}).`)
  if (!IMAGE_TYPES.has(type)) throw new AppError('validation', `${parsed.host} sent something that is not a picture.`)
  const declared = Number(response.headers.get('content-length') ?? '0')
  if (declared > MAX_BYTES) throw new AppError('validation', 'The image is too large to show (over 10 MB).')
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.length > MAX_BYTES) throw new AppError('validation', 'The image is too large to show (over 10 MB).')
  return `data:${type};base64,${bytes.toString('base64')}`
}
