import { expect, test } from './app-fixture'

const opened: string[] = []
const copied: string[] = []
const fetchedImages: string[] = []
// A 1×1 transparent PNG, as main would return it.
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const HOSTILE = [
  'Click [here](javascript:window.__pwned=1) or read [the docs](https://example.com/docs).',
  '',
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>',
  '',
  '![tracking pixel](https://evil.example/p.png)',
  '',
  '```js',
  'console.log("code stays code")',
  '```'
].join('\n')

function sse(text: string): string[] {
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  // Small pieces, as a model streams them.
  const pieces = text.match(/[\s\S]{1,7}/g) ?? []
  return [chunk({ role: 'assistant', content: '' }, null), ...pieces.map((piece) => chunk({ content: piece }, null)), chunk({}, 'stop'), 'data: [DONE]\n\n']
}

test.use({
  mockApiKey: null,
  coreOverrides: {
    openExternal: async (url: string) => {
      opened.push(url)
      return true
    },
    writeClipboard: (text: string) => void copied.push(text),
    fetchImage: async (url: string) => {
      fetchedImages.push(url)
      return PIXEL
    }
  }
})

test('a hostile answer, streamed through the app, runs nothing, loads nothing, and links go through main', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  await page.evaluate(() => Object.assign(globalThis, { __pwned: 0 }))
  mock.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: sse(HOSTILE), delayMs: 5 })
  await page.getByRole('textbox', { name: 'Message' }).fill('Say something nasty')
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  const answer = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(answer).toHaveAttribute('data-status', 'complete')

  expect(await page.evaluate(() => (globalThis as unknown as { __pwned: number }).__pwned)).toBe(0)
  expect(await answer.locator('script, [onerror], a[href^="javascript:"]').count()).toBe(0)
  await expect(answer.locator('pre code')).toContainText('console.log("code stays code")')
  // The remote image is not fetched: the renderer made no request off its own origin.
  const origin = new URL(page.url()).origin
  expect(app.pageRequests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([])

  await answer.getByRole('link', { name: 'the docs' }).click()
  await expect.poll(() => opened).toEqual(['https://example.com/docs'])
  expect(page.url().startsWith(origin)).toBe(true)
  await page.screenshot({ path: 'docs/screenshots/hostile-answer.png' })

  // Only when the user asks: main fetches the image and the page shows it as data.
  await answer.getByRole('button', { name: 'Load image from evil.example' }).click()
  await expect(answer.locator('img')).toHaveAttribute('src', PIXEL)
  expect(fetchedImages).toEqual(['https://evil.example/p.png'])

  // Copy goes through main (the renderer has no clipboard permission).
  await answer.locator('.md-code').getByRole('button', { name: 'Copy' }).click()
  await expect.poll(() => copied).toEqual(['console.log("code stays code")\n'])
})
