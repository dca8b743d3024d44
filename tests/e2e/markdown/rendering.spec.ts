import { expect, test, type MarkdownHarness } from './fixture'
import { isSameElementInPage, keepInPage, mountInPage, streamInPage, type MountedWindow } from './view-page'

type MountOptions = { step?: number; finish?: boolean; appHooks?: boolean }

/** A view in `#out` showing `text`, streamed in `step`-character deltas, then finished unless told not to. */
async function mount(harness: MarkdownHarness, text: string, options: MountOptions = {}): Promise<void> {
  await harness.page.evaluate(mountInPage, { appHooks: options.appHooks ?? false })
  await harness.page.evaluate(streamInPage, { text, step: options.step ?? 0, from: 0 })
  if (options.finish ?? true) await harness.page.evaluate(() => (globalThis as unknown as MountedWindow).__view.finish())
}

const opened = (harness: MarkdownHarness) => harness.page.evaluate(() => (globalThis as unknown as MountedWindow).__opened)

test.describe('links', () => {
  // markdown-it already refuses `[x](javascript:…)`; raw HTML is how such a link reaches the sanitizer.
  const text = 'Go to [docs](https://example.com/docs), [mail](mailto:dev@example.com), <a href="javascript:alert(1)">bad</a>, [here](relative/page) or <https://example.org/auto>.'

  test('open only through onLinkClick, never in the page', async ({ harness }) => {
    await mount(harness, text, { step: 5 })
    const links = harness.page.locator('#out a')
    await expect(links).toHaveCount(5)
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
      await link.click()
    }
    // A middle click means "open in a new window": it goes the same way.
    await links.first().click({ button: 'middle' })
    expect(await opened(harness)).toEqual(['https://example.com/docs', 'mailto:dev@example.com', 'https://example.org/auto', 'https://example.com/docs'])
    expect(harness.navigations).toEqual([])
    expect(harness.offOriginRequests).toEqual([])
    expect(harness.page.url()).toBe(`${harness.origin}/`)
  })

  test('a dangerous target is removed, a relative one stays inert', async ({ harness }) => {
    await mount(harness, text)
    await expect(harness.page.locator('#out a', { hasText: 'bad' })).not.toHaveAttribute('href', /.*/)
    await expect(harness.page.locator('#out a', { hasText: 'here' })).toHaveAttribute('href', 'relative/page')
  })
})

test.describe('remote images', () => {
  const text = 'A cat: ![a cat](https://images.example.com/cat.png "Cat")'

  test('are a button naming the host, and load nothing until clicked, even without the CSP', async ({ harness }) => {
    const page = harness.page
    await page.goto(`${harness.origin}/no-csp`)
    const fetched: string[] = []
    await page.route('https://images.example.com/**', (route) => {
      fetched.push(route.request().url())
      return route.fulfill({ contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64') })
    })
    await mount(harness, text, { step: 3 })
    const placeholder = page.locator('#out button.md-image-placeholder')
    await expect(placeholder).toHaveText('Load image from images.example.com')
    await expect(placeholder).toHaveAttribute('title', 'a cat')
    await expect(page.locator('#out img')).toHaveCount(0)
    await page.waitForTimeout(200)
    expect(fetched).toEqual([])

    await placeholder.click()
    await expect(page.locator('#out img')).toHaveAttribute('src', 'https://images.example.com/cat.png')
    await expect.poll(() => fetched).toEqual(['https://images.example.com/cat.png'])
  })

  test('load through loadRemoteImage when the app provides it', async ({ harness }) => {
    await mount(harness, text, { appHooks: true })
    await harness.page.locator('#out button.md-image-placeholder').click()
    await expect(harness.page.locator('#out img')).toHaveAttribute('src', /^data:image\/gif;base64,/)
    await expect(harness.page.locator('#out img')).toHaveAttribute('alt', 'a cat')
    expect(harness.offOriginRequests).toEqual([])
    expect(await harness.trap()).toEqual({ pwned: false, log: [] })
  })

  test('raster data: images show, SVG data: images do not', async ({ harness }) => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='
    await mount(harness, `![dot](${gif}) ![svg](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)`)
    await expect(harness.page.locator('#out img')).toHaveCount(1)
    await expect(harness.page.locator('#out img')).toHaveAttribute('src', gif)
    await expect(harness.page.locator('#out')).toContainText('svg')
  })
})

test.describe('code blocks', () => {
  test('have a language label, a copy button and highlighting', async ({ harness }) => {
    const page = harness.page
    await page.evaluate(() => {
      const win = globalThis as unknown as { navigator: object; __copied: string[] }
      win.__copied = []
      Object.defineProperty(win.navigator, 'clipboard', { value: { writeText: async (text: string) => void win.__copied.push(text) } })
    })
    await mount(harness, 'Code:\n\n```js\nconst answer = 42\n```\n\n```\nplain\n```\n', { step: 4 })
    const blocks = page.locator('#out .md-code')
    await expect(blocks).toHaveCount(2)
    await expect(blocks.nth(0).locator('.md-code-lang')).toHaveText('js')
    await expect(blocks.nth(1).locator('.md-code-lang')).toHaveText('text')
    await expect(blocks.nth(0).locator('code .hljs-keyword')).toHaveText('const')
    await blocks.nth(0).getByRole('button', { name: 'Copy' }).click()
    await expect(blocks.nth(0).locator('.md-code-copy')).toHaveText('Copied')
    expect(await page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied)).toEqual(['const answer = 42\n'])
  })

  test('copy through writeClipboard when the app provides it, and say so when copying fails', async ({ harness }) => {
    const page = harness.page
    await mount(harness, '```\nfirst\n```\n', { appHooks: true })
    await page.locator('#out .md-code-copy').click()
    await expect(page.locator('#out .md-code-copy')).toHaveText('Copied')
    expect(await page.evaluate(() => (globalThis as unknown as MountedWindow).__copied)).toEqual(['first\n'])

    await page.evaluate(() => Object.defineProperty((globalThis as unknown as { navigator: object }).navigator, 'clipboard', { value: undefined }))
    await mount(harness, '```\nsecond\n```\n')
    await page.locator('#out .md-code-copy').click()
    await expect(page.locator('#out .md-code-copy')).toHaveText('Copy failed')
  })

  test('while open, grow as plain text in the same element; highlighted once closed', async ({ harness }) => {
    const page = harness.page
    const code = Array.from({ length: 200 }, (_, line) => `let value${line} = ${line} // line ${line}`).join('\n')
    const opening = '```ts\n'
    await mount(harness, `${opening}${code.slice(0, 100)}`, { step: 7, finish: false })
    await page.evaluate(keepInPage, { name: 'code', selector: 'pre > code' })
    await page.evaluate(streamInPage, { text: `${opening}${code}\n`, step: 7, from: opening.length + 100 })
    expect(await page.evaluate(isSameElementInPage, { name: 'code', selector: 'pre > code' })).toBe(true)
    await expect(page.locator('#out pre > code span')).toHaveCount(0)
    await expect(page.locator('#out pre > code')).toHaveText(`${code}\n`)

    await page.evaluate(streamInPage, { text: `${opening}${code}\n\`\`\`\n`, step: 7, from: opening.length + code.length + 1 })
    await expect(page.locator('#out pre > code .hljs-keyword').first()).toHaveText('let')
  })

  test('left open at the end are highlighted by finish()', async ({ harness }) => {
    await mount(harness, '```python\nprint("cut off")', { step: 3, finish: false })
    await expect(harness.page.locator('#out code span')).toHaveCount(0)
    await harness.page.evaluate(() => (globalThis as unknown as MountedWindow).__view.finish())
    await expect(harness.page.locator('#out code .hljs-built_in')).toHaveText('print')
  })
})

test('completed blocks keep their DOM while the answer grows', async ({ harness }) => {
  const page = harness.page
  const start = '# Title\n\nFirst paragraph.\n\n'
  const rest = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} with *emphasis*.\n\n- a\n- b\n\n`).join('')
  await mount(harness, start, { finish: false })
  await page.evaluate(keepInPage, { name: 'title', selector: 'h1' })
  await page.evaluate(keepInPage, { name: 'first', selector: 'p' })
  await page.evaluate(streamInPage, { text: start + rest, step: 4, from: start.length })
  expect(await page.evaluate(isSameElementInPage, { name: 'title', selector: 'h1' })).toBe(true)
  expect(await page.evaluate(isSameElementInPage, { name: 'first', selector: 'p' })).toBe(true)
  await expect(page.locator('#out ul')).toHaveCount(40)
})

test('tables render with alignment classes, no inline styles', async ({ harness }) => {
  await mount(harness, '| Name | Count |\n|:-----|------:|\n| a<br>b | 1 |\n| c | 2 |\n', { step: 2 })
  const table = harness.page.locator('#out table')
  await expect(table.locator('th')).toHaveText(['Name', 'Count'])
  await expect(table.locator('td.md-align-right')).toHaveText(['1', '2'])
  await expect(table.locator('td br')).toHaveCount(1)
  await expect(harness.page.locator('#out [style]')).toHaveCount(0)
})

test('raw HTML outside the allowlist shows as the text the model wrote', async ({ harness }) => {
  await mount(harness, 'Use a <script> tag or press <kbd>Enter</kbd>.', { step: 3 })
  await expect(harness.page.locator('#out p')).toHaveText('Use a <script> tag or press Enter.')
  await expect(harness.page.locator('#out kbd')).toHaveText('Enter')
  await expect(harness.page.locator('#out script')).toHaveCount(0)
})

test('a text that does not continue the previous one is rendered from scratch', async ({ harness }) => {
  await mount(harness, 'First answer, **long** enough.', { finish: false })
  await harness.page.evaluate(() => (globalThis as unknown as MountedWindow).__view.update('Second answer.'))
  await expect(harness.page.locator('#out')).toHaveText('Second answer.')
})
