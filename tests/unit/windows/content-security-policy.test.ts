import { describe, expect, it, vi } from 'vitest'

import { developmentCsp, RENDERER_CSP } from '../../../src/main/windows/content-security-policy'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources.join(' ')] as const
    })
  )
}

describe('RENDERER_CSP', () => {
  it('is exactly the production policy', () => {
    expect(RENDERER_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
  })

  it('gives the renderer no network and no remote images', () => {
    const policy = directives(RENDERER_CSP)
    expect(policy.get('connect-src')).toBe("'none'")
    expect(policy.get('img-src')).toBe("'self' data: blob:")
    expect(policy.get('default-src')).toBe("'none'")
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)/)
  })
})

describe('developmentCsp', () => {
  const policy = directives(developmentCsp('http://localhost:5173'))

  it('lets Vite serve scripts and styles and open its HMR socket', () => {
    expect(policy.get('script-src')).toBe("'self' http://localhost:5173")
    expect(policy.get('style-src')).toContain("'unsafe-inline'")
    expect(policy.get('connect-src')).toBe('http://localhost:5173 ws://localhost:5173')
  })

  it('still forbids inline scripts, eval and remote hosts', () => {
    expect(policy.get('script-src')).not.toMatch(/unsafe/)
    expect(policy.get('img-src')).toBe("'self' data: blob: http://localhost:5173")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
  })

  it('uses wss for an https dev server and refuses other schemes', () => {
    expect(directives(developmentCsp('https://127.0.0.1:5173')).get('connect-src')).toContain('wss://127.0.0.1:5173')
    expect(() => developmentCsp('file:///tmp')).toThrow()
  })

  it('cannot be used to inject directives', () => {
    const injected = directives(developmentCsp("http://localhost:5173/; script-src 'unsafe-eval'"))
    expect(injected.get('script-src')).toBe("'self' http://localhost:5173")
  })
})
