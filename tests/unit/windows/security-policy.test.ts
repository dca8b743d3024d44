import { describe, expect, it, vi } from 'vitest'
import type { Session } from 'electron'
import { developmentCsp } from '../../../src/main/windows/content-security-policy'
import {
  applyDevelopmentCsp,
  hardenSession,
  hardenWebContents,
  secureWebPreferences
} from '../../../src/main/windows/security-policy'
import { fakeWebContents } from './fake-web-contents'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

describe('secureWebPreferences', () => {
  it('isolates the renderer from Node and the network', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true
    })
  })
})

describe('hardenSession', () => {
  function fakeSession() {
    return {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn()
    }
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])(
    'denies a %s permission request',
    (permission) => {
      const session = fakeSession()
      hardenSession(session as unknown as Session)
      const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0]
      const callback = vi.fn()
      handler({}, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
  )

  it('answers every permission and device check with false', () => {
    const session = fakeSession()
    hardenSession(session as unknown as Session)
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0]
    expect(check({}, 'media', 'app://chofesh', {})).toBe(false)
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false)
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0]
    expect(device({ deviceType: 'usb', origin: 'app://chofesh' })).toBe(false)
  })

  it('works on sessions without a device permission handler', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    expect(() => hardenSession(session as unknown as Session)).not.toThrow()
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce()
  })
})

describe('hardenWebContents', () => {
  function harden() {
    const fake = fakeWebContents()
    const openExternal = vi.fn(async (_url: string) => true)
    hardenWebContents(fake.asWebContents(), { allowedOrigin: 'app://chofesh', openExternal })
    return { fake, openExternal }
  }

  it.each(['will-navigate', 'will-redirect'])('%s stays on our origin, so an in-app reload works', (event) => {
    const { fake } = harden()
    expect(fake.fire(event, 'app://chofesh/index.html')).toBe(false)
    expect(fake.fire(event, 'app://chofesh/')).toBe(false)
  })

  it.each(['will-navigate', 'will-redirect'])('%s anywhere else is blocked and never opened externally', (event) => {
    const { fake, openExternal } = harden()
    for (const url of [
      'https://evil.example/',
      'http://example.com/phish',
      'app://evil/index.html',
      'app://chofesh.evil.example/',
      'app://user@evil/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'not a url'
    ]) {
      expect(fake.fire(event, url), url).toBe(true)
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('prevents attaching a <webview>', () => {
    const { fake } = harden()
    expect(fake.listenerCount('will-attach-webview')).toBe(1)
    expect(fake.fire('will-attach-webview', 'https://evil.example/')).toBe(true)
  })

  it('denies every new window and opens only safe URLs externally', () => {
    const { fake, openExternal } = harden()
    const safe = ['https://example.com/docs', 'http://example.org/', 'mailto:a@b.example']
    const unsafe = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'app://chofesh/index.html',
      'https://bank.example@evil.example/'
    ]
    for (const url of [...safe, ...unsafe]) {
      expect(fake.openWindow(url), url).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(safe)
  })

  it('survives a failing external open without an unhandled rejection', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const fake = fakeWebContents()
      // A plain function: a vi.fn spy would itself observe, and so handle, the rejection.
      let calls = 0
      const openExternal = async (_url: string): Promise<boolean> => {
        calls += 1
        throw new Error('no browser')
      }
      hardenWebContents(fake.asWebContents(), { allowedOrigin: 'app://chofesh', openExternal })
      expect(fake.openWindow('https://example.com/')).toEqual({ action: 'deny' })
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(calls).toBe(1)
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})

describe('applyDevelopmentCsp', () => {
  type Listener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void
  ) => void

  function apply() {
    const onHeadersReceived = vi.fn()
    applyDevelopmentCsp({ webRequest: { onHeadersReceived } } as unknown as Session, 'http://localhost:5173')
    const [filter, listener] = onHeadersReceived.mock.calls[0] as [{ urls: string[] }, Listener]
    return { filter, listener }
  }

  it('only targets the dev server', () => {
    expect(apply().filter).toEqual({ urls: ['http://localhost:5173/*'] })
  })

  it("replaces the dev server's CSP with ours", () => {
    const callback = vi.fn()
    apply().listener(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ["script-src *"], 'Content-Type': ['text/html'] }
      },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [developmentCsp('http://localhost:5173')]
      }
    })
  })

  it('leaves other origins untouched', () => {
    const callback = vi.fn()
    apply().listener({ url: 'https://example.com/', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledWith({})
  })
})
