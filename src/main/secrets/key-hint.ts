/**
 * A recognisable but useless fragment of a key, e.g. `sk-…9f2c`: the
 * vendor prefix and the last four characters. Keys too short to spare four
 * characters get no tail at all.
 */
export function keyHint(key: string): string {
  const trimmed = key.trim()
  const prefixMatch = /^([A-Za-z]{2,4}[-_])/.exec(trimmed)
  const prefix = prefixMatch?.[1] ?? ''
  const tail = trimmed.length >= 16 ? trimmed.slice(-4) : ''
  return `${prefix}…${tail}`
}
