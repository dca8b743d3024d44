import { describe, expect, it } from 'vitest'
import { keysLabel, shortcutFor, SHORTCUTS, type KeyInput } from '../../src/renderer/src/lib/shortcuts'

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inEmptyComposer: false,
  ...extra
})

describe('shortcutFor', () => {
  it('uses Ctrl on Windows and Linux, ⌘ on macOS', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }), false)).toBe('new-chat')
    expect(shortcutFor(press('n', { ctrlKey: true }), true)).toBeNull()
    expect(shortcutFor(press('n', { metaKey: true }), true)).toBe('new-chat')
    expect(shortcutFor(press('K', { ctrlKey: true }), false)).toBe('focus-search')
    expect(shortcutFor(press('/', { ctrlKey: true }), false)).toBe('show-shortcuts')
  })

  it('moves between conversations with Alt+arrows and stops with Esc', () => {
    expect(shortcutFor(press('ArrowDown', { altKey: true }), false)).toBe('next-chat')
    expect(shortcutFor(press('ArrowUp', { altKey: true }), false)).toBe('previous-chat')
    expect(shortcutFor(press('Escape'), false)).toBe('stop')
  })

  it('edits the last message only from an empty message box', () => {
    expect(shortcutFor(press('ArrowUp', { inEmptyComposer: true }), false)).toBe('edit-last')
    expect(shortcutFor(press('ArrowUp'), false)).toBeNull()
    expect(shortcutFor(press('ArrowUp', { inEmptyComposer: true, shiftKey: true }), false)).toBeNull()
  })

  it('leaves ordinary typing alone', () => {
    for (const key of ['n', 'k', 'a', 'Enter', '/']) expect(shortcutFor(press(key), false)).toBeNull()
  })

  it('lists every action in the sheet exactly once, with platform labels', () => {
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.action)).size).toBe(SHORTCUTS.length)
    expect(keysLabel('Mod+N', true)).toBe('⌘+N')
    expect(keysLabel('Mod+N', false)).toBe('Ctrl+N')
  })
})
