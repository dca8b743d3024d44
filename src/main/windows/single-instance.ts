import type { App } from 'electron'

/**
 * Two instances would fight over the SQLite file and the global hotkey, so a
 * second launch hands its arguments to the first one and exits.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  onSecondInstance: (argv: string[]) => void
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', (_event, argv) => onSecondInstance([...argv]))
  return true
}
