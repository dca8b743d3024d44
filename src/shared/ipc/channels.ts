/**
 * The names of every IPC channel, with no schema attached, so the sandboxed
 * preload can build `window.api` without bundling the schema library.
 * `contract.ts` checks that it describes exactly these channels.
 * Format: `domain:verb`.
 */
export const REQUEST_CHANNELS = [
  'app:status',
  'keys:list',
  'keys:set',
  'keys:delete',
  'providers:list',
  'providers:save',
  'providers:remove',
  'providers:test',
  'providers:detect-local',
  'models:list',
  'conversations:list',
  'conversations:get',
  'conversations:update-settings',
  'conversations:rename',
  'conversations:delete',
  'messages:delete',
  'chat:send',
  'chat:regenerate',
  'chat:cancel',
  'settings:get',
  'settings:update',
  'quick-ask:hide',
  'quick-ask:open-in-main',
  'images:fetch',
  'clipboard:write',
  'links:open'
] as const

export const EVENT_CHANNELS = ['chat:stream', 'conversations:changed', 'conversations:open', 'conversations:new', 'quick-ask:shown'] as const

export type RequestChannel = (typeof REQUEST_CHANNELS)[number]
export type EventChannel = (typeof EVENT_CHANNELS)[number]

const requestChannelSet: ReadonlySet<string> = new Set(REQUEST_CHANNELS)
const eventChannelSet: ReadonlySet<string> = new Set(EVENT_CHANNELS)

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && requestChannelSet.has(name)
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && eventChannelSet.has(name)
}
