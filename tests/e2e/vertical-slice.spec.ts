import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openaiAnswerText } from '../support/factories/openai-fixture'
import { expect, test } from './app-fixture'

// A distinctive key, so finding it anywhere is unambiguous. Not a real key.
const TEST_KEY = `sk-test-slice-${'7q2'.repeat(8)}9f2c`
const FIXTURE = 'openai-chat-stream-text.sse'

test.use({ mockApiKey: TEST_KEY })

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('add a key, stream an answer, reload: the chat is still there and the key went nowhere else', async ({ page, app, mock }) => {
  const answer = openaiAnswerText(FIXTURE)
  // Paced so the answer visibly arrives in pieces.
  mock.setScenario({ kind: 'replay', fixture: FIXTURE, delayMs: 40 })
  await app.open()

  // First run: no provider yet, so the app asks for one.
  await expect(page.getByRole('heading', { name: 'Welcome to Chofesh' })).toBeVisible()
  await app.addProvider({ preset: 'custom', baseUrl: mock.baseUrl, name: 'Mock AI', key: TEST_KEY })
  await page.getByLabel('Model').selectOption({ label: 'model-id-1 · free' })

  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('hello')
  await composer.press('Enter')

  const userMessage = page.locator('[data-testid="message"][data-role="user"] .content')
  const assistant = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(userMessage).toHaveText('hello')
  // Incremental: while the status is still "streaming" some, but not all, of the answer is shown.
  await expect(assistant).toHaveAttribute('data-status', 'streaming')
  // innerText: the text as shown (the markdown view separates blocks with newlines).
  const shownText = async (): Promise<string> => (await assistant.locator('.content').innerText()).trim()
  await expect.poll(async () => (await shownText()).length).toBeGreaterThan(0)
  const partial = await shownText()
  expect(partial.length).toBeLessThan(answer.length)
  expect(answer.startsWith(partial), JSON.stringify(partial)).toBe(true)

  await expect(assistant).toHaveAttribute('data-status', 'complete', { timeout: 15_000 })
  await expect(assistant.locator('.content')).toHaveText(answer)
  await page.screenshot({ path: 'docs/screenshots/vertical-slice.png' })

  // The provider got the key (positive control for the scan below).
  expect(mock.requests.some((request) => request.headers['authorization'] === `Bearer ${TEST_KEY}`)).toBe(true)

  // The chat's model names the conversation after the first exchange, and the sidebar follows.
  await expect.poll(() => app.core.store?.conversations.list()[0]?.title).not.toBe('hello')
  const title = app.core.store?.conversations.list()[0]?.title ?? ''
  await expect(page.getByRole('button', { name: title, exact: true })).toBeVisible()
  await page.reload()
  await page.getByRole('button', { name: title, exact: true }).click()
  await expect(page.locator('[data-testid="message"][data-role="user"] .content')).toHaveText('hello')
  await expect(page.locator('[data-testid="message"][data-role="assistant"] .content')).toHaveText(answer)

  // The settings view shows only a hint of the key.
  await page.getByRole('button', { name: 'Settings…' }).click()
  await expect(page.getByTestId('key-hint')).toHaveText('sk-…9f2c')
  await page.screenshot({ path: 'docs/screenshots/providers.png' })

  // The key never came back to the renderer, and no file the app wrote holds it.
  expect(JSON.stringify(app.traffic.delivered)).not.toContain(TEST_KEY)
  expect(await page.content()).not.toContain(TEST_KEY)
  await app.core.dispose() // flush the WAL so every byte is on disk
  const files = filesUnder(app.dataDir)
  expect(files.some((file) => file.endsWith('chofesh.sqlite'))).toBe(true)
  for (const file of files) expect(readFileSync(file).includes(TEST_KEY), file).toBe(false)

  // The renderer itself never talked to anything but its own origin.
  const origin = new URL(page.url()).origin
  expect(app.pageRequests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([])
})
