/** Keyboard shortcuts of the main window: one table, used by the handler and the shortcut sheet. */
export type ShortcutAction = 'new-chat' | 'focus-search' | 'stop' | 'edit-last' | 'next-chat' | 'previous-chat' | 'show-shortcuts'

export interface Shortcut {
  action: ShortcutAction
  /** Shown in the sheet; `Mod` is ⌘ on macOS and Ctrl elsewhere. */
  keys: string
  description: string
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'new-chat', keys: 'Mod+N', description: 'New chat' },
  { action: 'focus-search', keys: 'Mod+K', description: 'Filter conversations' },
  { action: 'stop', keys: 'Esc', description: 'Stop the answer' },
  { action: 'edit-last', keys: '↑ in an empty message box', description: 'Edit your last message' },
  { action: 'next-chat', keys: 'Alt+↓', description: 'Next conversation' },
  { action: 'previous-chat', keys: 'Alt+↑', description: 'Previous conversation' },
  { action: 'show-shortcuts', keys: 'Mod+/', description: 'Show these shortcuts' }
]

export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  /** The focused element is the empty message box. */
  inEmptyComposer: boolean
}

/** The action a key press asks for, or null. `isMac` picks ⌘ or Ctrl as Mod. */
export function shortcutFor(input: KeyInput, isMac: boolean): ShortcutAction | null {
  const mod = isMac ? input.metaKey : input.ctrlKey
  const key = input.key.toLowerCase()
  if (mod && !input.altKey && !input.shiftKey) {
    if (key === 'n') return 'new-chat'
    if (key === 'k') return 'focus-search'
    if (key === '/') return 'show-shortcuts'
  }
  if (input.altKey && !mod && key === 'arrowdown') return 'next-chat'
  if (input.altKey && !mod && key === 'arrowup') return 'previous-chat'
  if (key === 'escape' && !mod && !input.altKey) return 'stop'
  if (key === 'arrowup' && input.inEmptyComposer && !mod && !input.altKey && !input.shiftKey) return 'edit-last'
  return null
}

/** How a shortcut reads on this platform. */
export function keysLabel(keys: string, isMac: boolean): string {
  return keys.replace('Mod', isMac ? '⌘' : 'Ctrl')
}
