import type { Shell } from 'electron'

const MAX_URL_LENGTH = 2048
const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:'])

/**
 * Whether a URL from the renderer (often from model output, so hostile) may
 * be handed to the OS. Only web and mail links: `file:`, `javascript:`,
 * custom schemes and the like could launch local programs.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false
  // URL parsing strips control characters; refuse them rather than guess intent.
  if (/\p{Cc}/u.test(url)) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false
  // `https://bank.com@evil.example` is a classic disguise.
  if (parsed.username !== '' || parsed.password !== '') return false
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return false
  return true
}

/** Opens a validated URL in the user's browser or mail client; false when refused or failed. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  try {
    // The normalized form, so the OS sees exactly what was validated.
    await shell.openExternal(new URL(url).href)
    return true
  } catch {
    return false
  }
}
