import { describe, expect, it } from 'vitest'
import { keyHint } from '../../src/main/secrets/key-hint'

describe('keyHint', () => {
  it('keeps the vendor prefix and the last four characters of a long key', () => {
    const key = 'sk-proj-Q7f1xY2mN8vB3.cT6zR0wL5kP9hJ4dS1aE7uI3oG9f2c'
    const hint = keyHint(key)
    expect(hint).toBe('sk-…9f2c')
    // Nothing from the middle of the key survives.
    expect(hint).not.toContain('proj')
    expect(hint).not.toContain(key.slice(8, -4))
  })

  it.each([
    ['gsk_0123456789abcdefghijWXYZ', 'gsk_…WXYZ'],
    ['xai-0123456789abcdefghij1a2b', 'xai-…1a2b'],
    ['sk-ant-api03-0123456789.abcdefghij-zz99', 'sk-…zz99']
  ])('recognises the prefix of %s', (key, hint) => {
    expect(keyHint(key)).toBe(hint)
  })

  it('gives keys without a vendor prefix only the tail', () => {
    expect(keyHint('AIzaSyD0123456789abcdefghijklmnop4321')).toBe('…4321')
    expect(keyHint('0123456789abcdef0123456789abcdef')).toBe('…cdef')
  })

  it('gives short keys no tail at all', () => {
    expect(keyHint('sk-abc123')).toBe('sk-…')
    expect(keyHint('short')).toBe('…')
    // 15 characters: still too short to spare four.
    expect(keyHint('sk-0123456789ab')).toBe('sk-…')
    // 16 characters: just long enough.
    expect(keyHint('sk-0123456789abc')).toBe('sk-…9abc')
  })

  it('ignores surrounding whitespace from a paste', () => {
    expect(keyHint('  sk-proj-0123456789.abcdefghij9f2c\n')).toBe('sk-…9f2c')
  })
})
