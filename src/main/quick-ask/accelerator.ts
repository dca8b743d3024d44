/**
 * Checks a shortcut typed in settings against Electron's accelerator syntax
 * (https://electronjs.org/docs/api/accelerator) before it reaches
 * `globalShortcut`, so the user gets a sentence instead of a conversion error.
 * Pure: no Electron, usable anywhere.
 */

export const DEFAULT_QUICK_ASK_ACCELERATOR = 'CommandOrControl+Shift+Space'

export type AcceleratorCheck = { ok: true; accelerator: string } | { ok: false; message: string }

// Electron compares accelerators case-insensitively, so these are lower case.
const MODIFIERS: ReadonlySet<string> = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta'
])

const NAMED_KEYS = [
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv'
]

// Keys that are fine on their own: nobody types text with them.
const STANDALONE_KEYS: ReadonlySet<string> = new Set([
  ...Array.from({ length: 24 }, (_, index) => `f${index + 1}`),
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause'
])

const KEYS: ReadonlySet<string> = new Set([
  ...'abcdefghijklmnopqrstuvwxyz0123456789',
  ...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'',
  ...Array.from({ length: 10 }, (_, index) => `num${index}`),
  ...NAMED_KEYS,
  ...STANDALONE_KEYS
])

const MAX_LENGTH = 100

export function validateAccelerator(text: string): AcceleratorCheck {
  const accelerator = text.trim()
  if (accelerator === '') return { ok: false, message: 'Press a key combination, for example Ctrl+Shift+Space.' }
  if (accelerator.length > MAX_LENGTH) return { ok: false, message: 'This shortcut is too long.' }
  const parts = accelerator.split('+').map((part) => part.trim().toLowerCase())
  if (parts.some((part) => part === '')) {
    return { ok: false, message: `"${accelerator}" has an empty part. Write the + key as "Plus".` }
  }
  const key = parts[parts.length - 1] ?? ''
  const modifiers = parts.slice(0, -1)
  const unknown = modifiers.find((part) => !MODIFIERS.has(part))
  if (unknown !== undefined) {
    return KEYS.has(unknown)
      ? { ok: false, message: `"${accelerator}" has more than one key: a shortcut is modifiers plus one key, key last.` }
      : { ok: false, message: `"${unknown}" is not a modifier Chofesh knows (Ctrl, Alt, Shift, Super, Cmd, CmdOrCtrl).` }
  }
  if (MODIFIERS.has(key)) return { ok: false, message: `"${accelerator}" has no key after its modifiers.` }
  if (!KEYS.has(key)) return { ok: false, message: `"${key}" is not a key Chofesh knows.` }
  // Shift+A is how people type a capital A: a global grab on it would eat their typing.
  if (!STANDALONE_KEYS.has(key) && !modifiers.some((modifier) => modifier !== 'shift')) {
    return { ok: false, message: `"${accelerator}" would catch ordinary typing. Add Ctrl, Alt, Super or Cmd.` }
  }
  return { ok: true, accelerator }
}
