import type { GlobalShortcut } from 'electron'
import { validateAccelerator } from './accelerator'

export { DEFAULT_QUICK_ASK_ACCELERATOR, validateAccelerator } from './accelerator'

export type HotkeyFailureReason = 'taken' | 'invalid' | 'unsupported'
export type HotkeyProblem = { reason: HotkeyFailureReason; message: string }
export type HotkeyResult = { ok: true } | ({ ok: false } & HotkeyProblem)

/** What the settings screen shows: the shortcut in force and why the last change failed. */
export interface HotkeyStatus {
  active: string | null
  problem: HotkeyProblem | null
}

export interface HotkeyServiceDeps {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>
  onTrigger: () => void
  /** The process environment; injected so tests can pretend to be a Wayland session. */
  env?: Readonly<Record<string, string | undefined>>
}

export interface HotkeyService {
  /** Makes `accelerator` open quick ask; on failure the previous shortcut stays in force. */
  register(accelerator: string): HotkeyResult
  status(): HotkeyStatus
  /** Releases the shortcut (on quit: the OS would otherwise keep it until the process ends). */
  dispose(): void
}

export const LAUNCH_COMMAND_ADVICE =
  'bind a shortcut to the command "chofesh --quick-ask" in your desktop\'s keyboard settings'

export function createHotkeyService(deps: HotkeyServiceDeps): HotkeyService {
  const env = deps.env ?? process.env
  let active: string | null = null
  let problem: HotkeyProblem | null = null

  const fail = (reason: HotkeyFailureReason, message: string): HotkeyResult => {
    // Say so when a failed change left the old shortcut working.
    const kept = active === null ? '' : ` Quick ask still opens with ${active}.`
    problem = { reason, message: message + kept }
    return { ok: false, ...problem }
  }

  const register = (text: string): HotkeyResult => {
    // Wayland gives apps no global key grabs (X11 grabs only fire while one of our windows has focus).
    if (env['XDG_SESSION_TYPE']?.toLowerCase() === 'wayland') {
      return fail('unsupported', `Global shortcuts don't work in a Wayland session. Instead, ${LAUNCH_COMMAND_ADVICE}.`)
    }
    const check = validateAccelerator(text)
    if (!check.ok) return fail('invalid', check.message)
    const accelerator = check.accelerator
    let registered: boolean
    try {
      // Only this service registers global shortcuts, so "registered" means we already hold
      // this key, perhaps spelled differently (Ctrl vs CmdOrCtrl); registering again would fail.
      if (deps.globalShortcut.isRegistered(accelerator)) {
        active = accelerator
        problem = null
        return { ok: true }
      }
      registered = deps.globalShortcut.register(accelerator, () => deps.onTrigger())
    } catch {
      // Electron throws when it cannot parse the accelerator.
      return fail('invalid', `"${accelerator}" is not a shortcut this system understands.`)
    }
    if (!registered) {
      return fail(
        'taken',
        `${accelerator} is already used by another app or by the system. Pick another shortcut, or ${LAUNCH_COMMAND_ADVICE}.`
      )
    }
    // Released only now, so a failed change never leaves the user without a shortcut.
    if (active !== null) deps.globalShortcut.unregister(active)
    active = accelerator
    problem = null
    return { ok: true }
  }

  return {
    register,
    status: () => ({ active, problem }),
    dispose() {
      if (active !== null) deps.globalShortcut.unregister(active)
      active = null
    }
  }
}
