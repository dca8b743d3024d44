import type { SenderInfo, SenderPolicy } from './router'
import { originOf } from '../origin'

export interface TrustedSenders {
  /** Origins our renderer is served from, e.g. `app://chofesh`. */
  origins: readonly string[]
  /** Web contents ids of our own windows, or null to skip this check (tests have no windows). */
  contentsIds: () => ReadonlySet<number> | null
}

/** Accepts only the main frame of one of our windows, showing our own origin. */
export function createSenderPolicy(trusted: TrustedSenders): SenderPolicy {
  return (sender: SenderInfo) => {
    if (!sender.isMainFrame) return false
    const ids = trusted.contentsIds()
    if (ids !== null && !ids.has(sender.contentsId)) return false
    const origin = originOf(sender.frameUrl)
    return origin !== null && trusted.origins.includes(origin)
  }
}
