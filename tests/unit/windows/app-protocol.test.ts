import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Protocol } from 'electron'
import {
  APP_ORIGIN,
  APP_SCHEME,
  registerAppScheme,
  resolveAppRequestPath,
  serveRenderer
} from '../../../src/main/windows/app-protocol'
import { RENDERER_CSP } from '../../../src/main/windows/content-security-policy'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

let base = ''
let root = ''

beforeAll(() => {
  // The secret sits next to the renderer root, where a traversal would land.
  base = mkdtempSync(join(tmpdir(), 'chofesh-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Chofesh</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'notes.txt'), 'not part of the bundle')
  writeFileSync(join(base, 'secret.json'), '{"key":"sk-secret"}')
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('registerAppScheme', () => {
  it('makes app:// a standard, secure scheme that does not bypass CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(protocol)
    expect(APP_ORIGIN).toBe('app://chofesh')
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges
    expect(privileges?.bypassCSP).not.toBe(true)
  })
})

describe('resolveAppRequestPath', () => {
  it('maps our URLs to files inside the root', () => {
    expect(resolveAppRequestPath('app://chofesh/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppRequestPath('app://chofesh', root)).toBe(join(root, 'index.html'))
    expect(resolveAppRequestPath('app://chofesh/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js')
    )
    expect(resolveAppRequestPath('app://chofesh/assets/my%20font.woff2', root)).toBe(
      join(root, 'assets', 'my font.woff2')
    )
  })

  it.each([
    'app://chofesh/../secret.json',
    'app://chofesh/assets/../../secret.json',
    'app://chofesh/%2e%2e/secret.json',
    'app://chofesh/%2E%2E/secret.json',
    'app://chofesh/.%2e/secret.json',
    'app://chofesh/..%2fsecret.json',
    'app://chofesh/%2e%2e%2fsecret.json',
    'app://chofesh/..\\secret.json',
    'app://chofesh/%5c..%5csecret.json',
    'app://chofesh/index.html%00.png',
    'app://chofesh/C:/Windows/win.ini',
    'app://chofesh/%E0%A4%A',
    'app://evil/index.html',
    'app://chofesh.evil/index.html',
    'app://user@chofesh/index.html',
    'https://chofesh/index.html',
    'file:///etc/passwd',
    'not a url'
  ])('rejects %s', (url) => {
    expect(resolveAppRequestPath(url, root)).toBeNull()
  })
})

describe('serveRenderer', () => {
  function serve(): (request: Request) => Promise<Response> {
    const protocol = { handle: vi.fn() }
    serveRenderer(protocol as unknown as Pick<Protocol, 'handle'>, root)
    expect(protocol.handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function))
    return protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>
  }

  it('serves index.html with the renderer CSP and nosniff', async () => {
    const response = await serve()(new Request('app://chofesh/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toBe(RENDERER_CSP)
    expect(csp).toContain("connect-src 'none'")
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(csp).toMatch(/script-src 'self';/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(await response.text()).toContain('<title>Chofesh</title>')
  })

  it('gives scripts a JavaScript content type', async () => {
    const response = await serve()(new Request('app://chofesh/assets/index-abc.js'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    'app://chofesh/../secret.json',
    'app://chofesh/%2e%2e/secret.json',
    'app://chofesh/..%5csecret.json',
    'app://chofesh/missing.js',
    'app://chofesh/assets/notes.txt',
    'app://other/index.html'
  ])('answers 404 for %s without leaking anything', async (url) => {
    const response = await serve()(new Request(url))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(await response.text()).not.toContain('sk-secret')
  })

  it('refuses anything but GET and HEAD', async () => {
    const response = await serve()(new Request('app://chofesh/', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
  })
})
