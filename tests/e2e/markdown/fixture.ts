import { test as base, type Page } from '@playwright/test'
import { startHarnessServer, type HarnessServer } from './harness'

/**
 * Planted before the page's own scripts: anything that manages to run
 * script and calls one of the usual proofs trips it. CSP violations are
 * logged too: the CSP having to block something means the sanitizer let it
 * through.
 */
const TRAP = `
  window.__pwned = false
  window.__trapLog = []
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = function (...args) {
      window.__pwned = true
      window.__trapLog.push(name + '(' + String(args[0]).slice(0, 80) + ')')
    }
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__trapLog.push('CSP blocked ' + event.violatedDirective + ' ' + event.blockedURI)
  }, true)
`

const PARSER_NOISE = /^CSP blocked (?:script|style)-src-attr inline$/

export interface MarkdownHarness {
  page: Page
  origin: string
  /** Every request the page made off its own origin. */
  offOriginRequests: string[]
  /** Main-frame navigations after the harness page loaded. */
  navigations: string[]
  dialogs: string[]
  /**
   * The trap's state: untouched is `{ pwned: false, log: [] }`. Leaves out
   * the reports Chromium files whenever any HTML with an inline handler or
   * style attribute is parsed, even into an inert document as DOMPurify
   * does (checked: DOMParser alone triggers them). Inline handlers and
   * styles in the output itself are caught by inspecting the DOM instead.
   */
  trap(): Promise<{ pwned: boolean; log: string[] }>
}

export const test = base.extend<{ harness: MarkdownHarness }, { harnessServer: HarnessServer }>({
  harnessServer: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be present.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startHarnessServer()
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ],

  harness: async ({ page, harnessServer }, use) => {
    const { origin } = harnessServer
    const offOriginRequests: string[] = []
    const navigations: string[] = []
    const dialogs: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(`${origin}/`)) offOriginRequests.push(url)
    })
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.addInitScript(TRAP)
    await page.goto(`${origin}/`)
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url())
    })
    const trap = async () => {
      const state = await page.evaluate(() => {
        const win = globalThis as unknown as { __pwned: boolean; __trapLog: string[] }
        return { pwned: win.__pwned, log: win.__trapLog }
      })
      return { pwned: state.pwned, log: state.log.filter((entry) => !PARSER_NOISE.test(entry)) }
    }
    await use({ page, origin, offOriginRequests, navigations, dialogs, trap })
  }
})

export { expect } from '@playwright/test'
