import type { HarnessWindow, PageElement, PageView } from './page-types'

/** Globals the behaviour tests keep in the page between evaluate calls. */
export interface MountedWindow extends HarnessWindow {
  __view: PageView
  __out: PageElement
  __opened: string[]
  __kept: Record<string, PageElement | null>
  __copied: string[]
}

/**
 * Runs in the page: an empty view in `#out`; link clicks are recorded in
 * __opened. With `appHooks`, remote images load through a stand-in for main
 * that answers with a tiny data: GIF, and copies land in __copied.
 */
export function mountInPage(args: { appHooks: boolean }): void {
  const win = globalThis as unknown as MountedWindow
  const previous = win as Partial<MountedWindow>
  previous.__view?.destroy()
  previous.__out?.remove()
  const out = win.document.createElement('div')
  out.id = 'out'
  win.document.body.append(out)
  win.__out = out
  win.__opened = []
  win.__kept = {}
  win.__copied = []
  const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='
  win.__view = win.ChofeshMarkdown.createMarkdownView(out, {
    onLinkClick: (url) => win.__opened.push(url),
    ...(args.appHooks
      ? { loadRemoteImage: () => Promise.resolve(gif), writeClipboard: (text: string) => Promise.resolve(void win.__copied.push(text)) }
      : {})
  })
}

/**
 * Runs in the page: continues the mounted view with `text` from offset
 * `from`, in `step`-character deltas (all at once for step 0).
 */
export function streamInPage(args: { text: string; step: number; from: number }): void {
  const win = globalThis as unknown as MountedWindow
  const step = args.step > 0 ? args.step : args.text.length
  for (let end = Math.min(args.from + step, args.text.length); ; end = Math.min(end + step, args.text.length)) {
    win.__view.update(args.text.slice(0, end))
    if (end >= args.text.length) break
  }
}

/** Runs in the page: remembers the element `selector` finds now, under `name`. */
export function keepInPage(args: { name: string; selector: string }): void {
  const win = globalThis as unknown as MountedWindow
  win.__kept[args.name] = win.__out.querySelector(args.selector)
}

/** Runs in the page: whether `selector` still finds the very element kept under `name`, and it is in the page. */
export function isSameElementInPage(args: { name: string; selector: string }): boolean {
  const win = globalThis as unknown as MountedWindow
  const kept = win.__kept[args.name]
  return kept !== null && kept !== undefined && kept.isConnected && win.__out.querySelector(args.selector) === kept
}
