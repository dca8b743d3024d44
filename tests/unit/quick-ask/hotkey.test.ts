import { describe, expect, it, vi } from 'vitest'
import { createHotkeyService, DEFAULT_QUICK_ASK_ACCELERATOR } from '../../../src/main/quick-ask/hotkey'
import { fakeGlobalShortcut } from './fake-global-shortcut'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

const X11 = { XDG_SESSION_TYPE: 'x11' }

function setup(options: Parameters<typeof fakeGlobalShortcut>[0] = {}, env: Record<string, string> = X11) {
  const fake = fakeGlobalShortcut(options)
  const onTrigger = vi.fn()
  const service = createHotkeyService({ globalShortcut: fake.asGlobalShortcut(), onTrigger, env })
  return { fake, onTrigger, service }
}

describe('createHotkeyService', () => {
  it('registers the default shortcut and the key press triggers quick ask', () => {
    const { fake, onTrigger, service } = setup()
    expect(DEFAULT_QUICK_ASK_ACCELERATOR).toBe('CommandOrControl+Shift+Space')
    expect(service.register(DEFAULT_QUICK_ASK_ACCELERATOR)).toEqual({ ok: true })
    expect(fake.held()).toEqual(['CommandOrControl+Shift+Space'])
    expect(service.status()).toEqual({ active: 'CommandOrControl+Shift+Space', problem: null })
    expect(onTrigger).not.toHaveBeenCalled()
    fake.press('CommandOrControl+Shift+Space')
    expect(onTrigger).toHaveBeenCalledOnce()
  })

  it('reports a shortcut taken by another app, with the --quick-ask alternative', () => {
    const { fake, service } = setup({ takenByOthers: ['Alt+Space'] })
    const result = service.register('Alt+Space')
    expect(result).toMatchObject({ ok: false, reason: 'taken' })
    if (result.ok) throw new Error('expected a failure')
    expect(result.message).toContain('Alt+Space is already used')
    expect(result.message).toContain('chofesh --quick-ask')
    expect(fake.held()).toEqual([])
    expect(service.status()).toEqual({ active: null, problem: { reason: 'taken', message: result.message } })
  })

  it('refuses text that is not an accelerator before it reaches Electron', () => {
    const { fake, service } = setup()
    expect(service.register('Ctrl+Shift+Nope')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(service.register('Shift+A')).toMatchObject({ ok: false, reason: 'invalid' })
    expect(fake.shortcut.register).not.toHaveBeenCalled()
  })

  it('reports an accelerator Electron cannot parse as invalid instead of throwing', () => {
    const { fake, service } = setup({ unparsable: ['Ctrl+Alt+F24'] })
    let result: ReturnType<typeof service.register> | undefined
    expect(() => (result = service.register('Ctrl+Alt+F24'))).not.toThrow()
    expect(result).toMatchObject({ ok: false, reason: 'invalid' })
    expect(fake.held()).toEqual([])
  })

  it('on Wayland reports "unsupported" and advises binding chofesh --quick-ask in the desktop settings', () => {
    const { fake, service } = setup({}, { XDG_SESSION_TYPE: 'wayland' })
    const result = service.register(DEFAULT_QUICK_ASK_ACCELERATOR)
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' })
    if (result.ok) throw new Error('expected a failure')
    expect(result.message).toMatch(/Wayland/)
    expect(result.message).toContain('"chofesh --quick-ask"')
    expect(result.message).toMatch(/desktop's keyboard settings/)
    // A registration that silently never fires would be worse than none.
    expect(fake.shortcut.register).not.toHaveBeenCalled()
  })

  it('a changed setting registers the new shortcut first, then releases the old one', () => {
    const { fake, onTrigger, service } = setup()
    service.register('CommandOrControl+Shift+Space')
    expect(service.register('Alt+Shift+K')).toEqual({ ok: true })
    expect(fake.held()).toEqual(['Alt+Shift+K'])
    expect(fake.shortcut.unregister).toHaveBeenCalledExactlyOnceWith('CommandOrControl+Shift+Space')
    const registeredAt = fake.shortcut.register.mock.invocationCallOrder[1] ?? Infinity
    const releasedAt = fake.shortcut.unregister.mock.invocationCallOrder[0] ?? 0
    expect(registeredAt).toBeLessThan(releasedAt)
    fake.press('Alt+Shift+K')
    expect(onTrigger).toHaveBeenCalledOnce()
    expect(service.status().active).toBe('Alt+Shift+K')
  })

  it('a failed change keeps the old shortcut working and says so', () => {
    const { fake, onTrigger, service } = setup({ takenByOthers: ['Alt+Space'] })
    service.register('CommandOrControl+Shift+Space')
    const result = service.register('Alt+Space')
    expect(result).toMatchObject({ ok: false, reason: 'taken' })
    if (result.ok) throw new Error('expected a failure')
    expect(result.message).toContain('still opens with CommandOrControl+Shift+Space')
    expect(fake.shortcut.unregister).not.toHaveBeenCalled()
    expect(fake.held()).toEqual(['CommandOrControl+Shift+Space'])
    expect(service.status().active).toBe('CommandOrControl+Shift+Space')
    fake.press('CommandOrControl+Shift+Space')
    expect(onTrigger).toHaveBeenCalledOnce()
  })

  it('registering the shortcut it already holds succeeds and keeps it', () => {
    const { fake, service } = setup()
    service.register('CommandOrControl+Shift+Space')
    expect(service.register('CommandOrControl+Shift+Space')).toEqual({ ok: true })
    expect(fake.held()).toEqual(['CommandOrControl+Shift+Space'])
    expect(fake.shortcut.unregister).not.toHaveBeenCalled()
  })

  it('a successful change clears the previous problem', () => {
    const { service } = setup({ takenByOthers: ['Alt+Space'] })
    service.register('Alt+Space')
    expect(service.register('Alt+Shift+K')).toEqual({ ok: true })
    expect(service.status()).toEqual({ active: 'Alt+Shift+K', problem: null })
  })

  it('dispose releases the shortcut', () => {
    const { fake, service } = setup()
    service.register('Alt+Shift+K')
    service.dispose()
    expect(fake.shortcut.unregister).toHaveBeenCalledExactlyOnceWith('Alt+Shift+K')
    expect(fake.held()).toEqual([])
    expect(service.status().active).toBeNull()
    service.dispose()
    expect(fake.shortcut.unregister).toHaveBeenCalledOnce()
  })
})
