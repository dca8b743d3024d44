import { describe, expect, it, vi } from 'vitest'
import { createHotkeyService } from '../../../src/main/quick-ask/hotkey'
import { createShortcutControl } from '../../../src/main/quick-ask/shortcut-control'
import { fakeGlobalShortcut } from './fake-global-shortcut'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

function setup(env: Record<string, string>, takenByOthers: string[] = []) {
  const fake = fakeGlobalShortcut({ takenByOthers })
  const hotkey = createHotkeyService({ globalShortcut: fake.asGlobalShortcut(), onTrigger: vi.fn(), env })
  return { fake, control: createShortcutControl(hotkey) }
}

describe('createShortcutControl', () => {
  it('reports the shortcut in force', () => {
    const { control } = setup({ XDG_SESSION_TYPE: 'x11' })
    expect(control.apply('CommandOrControl+Shift+Space')).toEqual({
      accelerator: 'CommandOrControl+Shift+Space',
      active: true,
      message: null
    })
    expect(control.status()).toEqual({ accelerator: 'CommandOrControl+Shift+Space', active: true, message: null })
  })

  it('reports a failed change as not active, with the reason and the shortcut still in force', () => {
    const { control, fake } = setup({ XDG_SESSION_TYPE: 'x11' }, ['Alt+Space'])
    control.apply('CommandOrControl+Shift+Space')
    const status = control.apply('Alt+Space')
    expect(status).toMatchObject({ accelerator: 'Alt+Space', active: false })
    expect(status.message).toContain('already used by another app')
    expect(status.message).toContain('still opens with CommandOrControl+Shift+Space')
    expect(fake.held()).toEqual(['CommandOrControl+Shift+Space'])
  })

  it('on Wayland reports the --quick-ask alternative', () => {
    const { control } = setup({ XDG_SESSION_TYPE: 'wayland' })
    const status = control.apply('CommandOrControl+Shift+Space')
    expect(status.active).toBe(false)
    expect(status.message).toContain('chofesh --quick-ask')
  })

  it('a later successful change clears the message', () => {
    const { control } = setup({ XDG_SESSION_TYPE: 'x11' }, ['Alt+Space'])
    control.apply('Alt+Space')
    expect(control.apply('Alt+Shift+K')).toEqual({ accelerator: 'Alt+Shift+K', active: true, message: null })
  })
})
