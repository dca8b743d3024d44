import { describe, expect, it, vi } from 'vitest'
import { isSafeExternalUrl, openExternalSafely } from '../../../src/main/windows/external-links'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/path?q=1#frag',
    'http://localhost:8080/docs',
    'mailto:someone@example.com?subject=Hi'
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['javascript', 'javascript:alert(1)'],
    ['javascript, disguised with case and whitespace', ' JavaScript:alert(1)'],
    ['javascript, split by a newline', 'java\nscript:alert(1)'],
    ['a control character the URL parser would silently drop', 'https://exa\tmple.com/'],
    ['a NUL byte', 'https://example.com/\u0000'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['file', 'file:///etc/passwd'],
    ['app', 'app://chofesh/index.html'],
    ['a custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['a username', 'https://bank.example@evil.example/'],
    ['a password', 'https://user:pass@example.com/'],
    ['no hostname', 'https:'],
    ['unparsable', 'not a url'],
    ['empty', ''],
    ['too long', `https://example.com/${'a'.repeat(2048)}`]
  ])('rejects %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('openExternalSafely', () => {
  it('opens safe URLs', async () => {
    const shell = { openExternal: vi.fn(async () => {}) }
    await expect(openExternalSafely(shell, 'https://example.com/a')).resolves.toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/a')
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'https://a@b.example'])(
    'never hands %s to the OS',
    async (url) => {
      const shell = { openExternal: vi.fn(async () => {}) }
      await expect(openExternalSafely(shell, url)).resolves.toBe(false)
      expect(shell.openExternal).not.toHaveBeenCalled()
    }
  )

  it('reports false instead of throwing when the OS refuses', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no handler'))) }
    await expect(openExternalSafely(shell, 'mailto:a@b.example')).resolves.toBe(false)
  })
})
