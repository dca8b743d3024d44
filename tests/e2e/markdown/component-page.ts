import type { PageElement } from './page-types'

interface ReactiveMap {
  get(key: string): unknown
  set(key: string, value: unknown): void
}

/** The harness page as the component tests see it. */
export interface ComponentWindow {
  document: { createElement(tag: string): PageElement; body: PageElement }
  ChofeshMarkdown: {
    Markdown: unknown
    mount(component: unknown, options: { target: PageElement; props: object }): object
    unmount(instance: object): void
    flushSync(): void
    SvelteMap: new () => ReactiveMap
  }
  __props: ReactiveMap
  __instance: object
  __opened: string[]
  __copied: string[]
}

/** Runs in the page: mounts Markdown.svelte in `#out`, its props read from a reactive map. */
export function mountComponentInPage(): void {
  const win = globalThis as unknown as ComponentWindow
  const svelte = win.ChofeshMarkdown
  const target = win.document.createElement('div')
  target.id = 'out'
  win.document.body.append(target)
  win.__opened = []
  win.__copied = []
  win.__props = new svelte.SvelteMap()
  win.__props.set('text', '')
  win.__props.set('streaming', true)
  const props = {
    get text() {
      return win.__props.get('text')
    },
    get streaming() {
      return win.__props.get('streaming')
    },
    onLinkClick: (url: string) => win.__opened.push(url),
    writeClipboard: (text: string) => Promise.resolve(void win.__copied.push(text))
  }
  win.__instance = svelte.mount(svelte.Markdown, { target, props })
  svelte.flushSync()
}

/** Runs in the page: sets `text` in `step`-character deltas from offset `from` (all at once for step 0), flushing each. */
export function streamPropInPage(args: { text: string; step: number; from: number }): void {
  const win = globalThis as unknown as ComponentWindow
  const step = args.step > 0 ? args.step : args.text.length
  for (let end = Math.min(args.from + step, args.text.length); ; end = Math.min(end + step, args.text.length)) {
    win.__props.set('text', args.text.slice(0, end))
    win.ChofeshMarkdown.flushSync()
    if (end >= args.text.length) break
  }
}

/** Runs in the page: sets the `streaming` prop. */
export function setStreamingInPage(streaming: boolean): void {
  const win = globalThis as unknown as ComponentWindow
  win.__props.set('streaming', streaming)
  win.ChofeshMarkdown.flushSync()
}

/** Runs in the page: unmounts the component; returns how many children its target keeps. */
export function unmountComponentInPage(): number {
  const win = globalThis as unknown as ComponentWindow
  win.ChofeshMarkdown.unmount(win.__instance)
  win.ChofeshMarkdown.flushSync()
  return win.document.body.querySelectorAll('#out > *').length
}
