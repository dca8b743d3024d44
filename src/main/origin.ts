/**
 * The origin of a URL, or null if it does not parse. WHATWG URL reports the
 * origin of custom schemes such as app://chofesh as "null", so it is rebuilt
 * from scheme and host there.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
  } catch {
    return null
  }
}
