import type { ShortcutStatus } from '../../shared/domain'
import type { ShortcutControl } from '../ipc/handlers'
import type { HotkeyService } from './hotkey'

/**
 * The hotkey service as the IPC handlers see it (`app:status`,
 * `settings:update`): the shortcut the user asked for, whether it is in
 * force, and if not, the sentence to show in settings.
 */
export function createShortcutControl(hotkey: Pick<HotkeyService, 'register' | 'status'>): ShortcutControl {
  let requested = ''
  const status = (): ShortcutStatus => {
    const { active, problem } = hotkey.status()
    // After a failed change `active` is still the old shortcut: in force, but not the one asked for.
    return { accelerator: requested, active: problem === null && active !== null, message: problem?.message ?? null }
  }
  return {
    status,
    apply(accelerator) {
      requested = accelerator.trim()
      hotkey.register(requested)
      return status()
    }
  }
}
