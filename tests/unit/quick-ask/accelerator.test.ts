import { describe, expect, it } from 'vitest'
import { validateAccelerator } from '../../../src/main/quick-ask/accelerator'

describe('validateAccelerator', () => {
  it.each([
    'CommandOrControl+Shift+Space',
    'CmdOrCtrl+Alt+K',
    'ctrl+shift+space',
    'Super+Return',
    'Alt+Plus',
    'Control+Alt+/',
    'Meta+num5',
    'F13',
    'Shift+F5',
    'MediaPlayPause',
    '  Alt+Space  '
  ])('accepts %s', (text) => {
    expect(validateAccelerator(text)).toEqual({ ok: true, accelerator: text.trim() })
  })

  it.each([
    ['', /Press a key combination/],
    ['   ', /Press a key combination/],
    ['Ctrl++', /Write the \+ key as "Plus"/],
    ['Ctrl+Shift+', /empty part/],
    ['Ctrl+Shift', /no key after its modifiers/],
    ['Hyper+K', /"hyper" is not a modifier/],
    ['Ctrl+Nope', /"nope" is not a key/],
    ['Ctrl+A+B', /more than one key/],
    ['A', /would catch ordinary typing/],
    ['Shift+A', /would catch ordinary typing/],
    ['Space', /would catch ordinary typing/],
    ['Ctrl+' + 'A'.repeat(200), /too long/]
  ])('refuses %j with a sentence', (text, message) => {
    const result = validateAccelerator(text)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })
})
