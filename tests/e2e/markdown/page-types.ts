/**
 * What code inside page.evaluate sees of the harness page. The tests are
 * type-checked without the DOM library (tsconfig.node.json), so these are
 * the few shapes they use, reached through a cast of globalThis.
 */
export interface PageElement {
  readonly tagName: string
  readonly className: string
  readonly isConnected: boolean
  id: string
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>
  readonly innerHTML: string
  readonly textContent: string | null
  querySelectorAll(selectors: string): ArrayLike<PageElement>
  querySelector(selectors: string): PageElement | null
  getAttribute(name: string): string | null
  append(...nodes: PageElement[]): void
  remove(): void
  click(): void
}

export interface PageView {
  update(text: string): void
  replace(text: string): void
  finish(): void
  destroy(): void
}

export interface HarnessWindow {
  document: { createElement(tag: string): PageElement; body: PageElement }
  location: { href: string }
  setTimeout(callback: () => void, ms: number): number
  ChofeshMarkdown: {
    createMarkdownView(
      container: PageElement,
      options: { onLinkClick(url: string): void; loadRemoteImage?(url: string): Promise<string>; writeClipboard?(text: string): Promise<void> }
    ): PageView
  }
  /** Planted by the trap script: set by anything that calls alert/confirm/prompt/print/open. */
  __pwned: boolean
  __trapLog: string[]
}
