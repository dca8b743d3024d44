import type { EventChannel } from '../../../src/shared/ipc/channels'
import type { ChatStreamEvent, EventContract } from '../../../src/shared/ipc/contract'

/** An event bus that only remembers what was emitted. */
export function createRecordingBus() {
  const events: ChatStreamEvent[] = []
  const all: Array<{ event: EventChannel; payload: unknown }> = []
  return {
    events,
    all,
    emit<E extends EventChannel>(event: E, payload: EventContract[E]): void {
      all.push({ event, payload })
      if (event === 'chat:stream') events.push(payload as ChatStreamEvent)
    },
    forStream(streamId: string): ChatStreamEvent[] {
      return events.filter((entry) => entry.streamId === streamId)
    }
  }
}

export type RecordingBus = ReturnType<typeof createRecordingBus>
