import type { App } from 'electron'

export interface QuitPolicyDeps {
  app: Pick<App, 'on' | 'quit'>
  platform: NodeJS.Platform
  /** Whether the tray icon is up. */
  hasTray: () => boolean
}

export interface QuitPolicy {
  /** Call from the main window's `closed` event. */
  mainWindowClosed(): void
}

/**
 * Whether Chofesh keeps running once the main window is closed. On macOS,
 * always: apps live on in the dock and menu bar. Elsewhere only while the
 * tray offers the way back (and Quit): the hotkey and `--quick-ask` keep
 * working, and nothing runs invisibly with no way to quit it.
 */
export function keepsRunningWithoutMainWindow(platform: NodeJS.Platform, hasTray: boolean): boolean {
  return platform === 'darwin' || hasTray
}

/**
 * Replaces Electron's quit-when-all-windows-closed default. The hidden
 * quick-ask window means `window-all-closed` no longer fires when the user
 * closes the main window, so that close is reported here too.
 */
export function installQuitPolicy(deps: QuitPolicyDeps): QuitPolicy {
  const quitUnlessKept = (): void => {
    if (!keepsRunningWithoutMainWindow(deps.platform, deps.hasTray())) deps.app.quit()
  }
  // Listening at all turns Electron's default quit off.
  deps.app.on('window-all-closed', quitUnlessKept)
  return { mainWindowClosed: quitUnlessKept }
}
