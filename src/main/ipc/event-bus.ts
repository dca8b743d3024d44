import type { EventChannel } from '../../shared/ipc/channels'
import type { EventContract } from '../../shared/ipc/contract'

export type EventListener = <E extends EventChannel>(event: E, payload: EventContract[E]) => void

/** Events main pushes to windows; transports subscribe and deliver them. */
export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventContract[E]): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }
  }
}
