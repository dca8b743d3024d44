import { startMockProvider, type MockProvider } from '../support/mock-provider'
import { expect, test } from './app-fixture'

const ANTHROPIC_KEY = 'sk-ant-test.0000000000000000000000abcd'

test.describe('Anthropic through the mock', () => {
  test.use({ mockApiKey: ANTHROPIC_KEY })

  test('add a key, pick a model from the live list, stream an answer with its thinking', async ({ page, app, mock }) => {
    mock.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-thinking.sse', delayMs: 20 })
    await app.open()
    await app.addProvider({ preset: 'anthropic', baseUrl: mock.origin, key: ANTHROPIC_KEY })

    // The model list came live from the provider (its list endpoint), and the model can be picked.
    const picker = page.getByLabel('Model')
    await expect(picker.locator('optgroup[label="Anthropic"] option')).toHaveText(['Claude Sonnet 4'])
    await picker.selectOption({ label: 'Claude Sonnet 4' })

    await page.getByRole('textbox', { name: 'Message' }).fill('And divided by 5?')
    await page.getByRole('textbox', { name: 'Message' }).press('Enter')
    const answer = page.locator('[data-testid="message"][data-role="assistant"]')
    await expect(answer).toHaveAttribute('data-status', 'complete')
    await expect(answer.getByTestId('reasoning')).toContainText('The previous result was 925.')
    await expect(answer.locator('.content')).not.toBeEmpty()
    const sent = mock.requests.find((request) => request.path.endsWith('/v1/messages'))
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ model: 'claude-sonnet-4-20250514', stream: true })
    await answer.getByTestId('reasoning').locator('summary').click()
    await page.screenshot({ path: 'docs/screenshots/anthropic-thinking.png' })
  })

  test('a wrong key gives a clear error and the typed message is kept', async ({ page, app, mock }) => {
    await app.open()
    await app.addProvider({ preset: 'anthropic', baseUrl: mock.origin, key: 'sk-ant-wrong.key.00000000000000000000' })
    await expect(page.getByRole('alert')).toHaveText('The provider rejected the API key. Check or replace the key in Settings.')
    await page.screenshot({ path: 'docs/screenshots/wrong-key.png' })
    expect(mock.requests.every((request) => request.headers['x-api-key'] !== ANTHROPIC_KEY)).toBe(true)
  })
})

test.describe('a wrong key mid-chat', () => {
  test('the question stays, and the answer says what to fix', async ({ page, app, mock }) => {
    await app.open()
    await app.addProvider({ preset: 'custom', baseUrl: mock.baseUrl, name: 'My gateway', key: 'sk-test-mock-0000' })
    await expect(page.getByLabel('Model')).toContainText('model-id-0')

    // The key is replaced by a wrong one behind the app's back (e.g. revoked at the provider).
    await app.core.router.invoke('keys:set', { providerId: 'my-gateway', key: 'sk-revoked-0000000000000' }, {
      contentsId: 1,
      frameUrl: page.url(),
      isMainFrame: true
    })
    await page.getByRole('textbox', { name: 'Message' }).fill('A question I typed carefully')
    await page.getByRole('textbox', { name: 'Message' }).press('Enter')
    await expect(page.locator('[data-testid="message"][data-role="user"] .content')).toHaveText('A question I typed carefully')
    const answer = page.locator('[data-testid="message"][data-role="assistant"]')
    await expect(answer).toHaveAttribute('data-status', 'error')
    await expect(answer.getByRole('alert')).toContainText('rejected the API key')
    await expect(answer.getByRole('button', { name: 'Fix key' })).toBeVisible()
  })
})

test.describe('a local Ollama server', () => {
  let ollama: MockProvider
  test.beforeAll(async () => {
    ollama = await startMockProvider({ apiKey: null })
    ollama.setScenario({ kind: 'replay', fixture: 'ollama-chat-stream.ndjson' })
  })
  test.afterAll(async () => ollama.close())
  test.use({
    coreOverrides: { detectLocalServers: async () => [{ presetId: 'ollama', baseUrl: ollama.origin }] }
  })

  test('is found, offered as a free model and answers without any key', async ({ page, app }) => {
    await app.open()
    await expect(page.getByTestId('provider-row')).toContainText('free / local')
    await page.screenshot({ path: 'docs/screenshots/local-model-detected.png' })
    await page.getByRole('button', { name: 'Start chatting' }).click()
    const picker = page.getByLabel('Model')
    await expect(picker.locator('optgroup[label="Ollama (free / local)"] option').first()).toHaveText('deepseek-r1:latest · free')
    await picker.selectOption({ label: 'llama3.2:latest · free' })
    await page.getByRole('textbox', { name: 'Message' }).fill('Why is the sky blue?')
    await page.getByRole('textbox', { name: 'Message' }).press('Enter')
    const answer = page.locator('[data-testid="message"][data-role="assistant"]')
    await expect(answer).toHaveAttribute('data-status', 'complete')
    await expect(answer.locator('.content')).toHaveText('The')
    expect(ollama.requests.some((request) => request.path === '/api/chat' && !request.headers['authorization'])).toBe(true)
    expect(await app.core.router.invoke('keys:list', undefined, { contentsId: 1, frameUrl: page.url(), isMainFrame: true })).toEqual({
      ok: true,
      value: []
    })
  })
})
