import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './app-fixture'

test.describe('a corrupt database', () => {
  const garbage = Buffer.from('This is not a SQLite database, but it is the user\'s file. '.repeat(80))
  test.use({ plantedDatabase: garbage })

  test('shows a clear error screen and leaves the file untouched', async ({ page, app }) => {
    await app.open()
    const screen = page.getByTestId('database-error')
    await expect(screen).toBeVisible()
    await expect(screen.getByRole('heading')).toHaveText('Your chat database could not be opened')
    await expect(screen).toContainText('chofesh.sqlite')
    await expect(screen).toContainText('has not been changed')
    await page.screenshot({ path: 'docs/screenshots/database-error.png' })
    expect(readFileSync(join(app.dataDir, 'chofesh.sqlite')).equals(garbage)).toBe(true)
  })
})

test.describe('no reachable keychain', () => {
  test.use({
    // A local server (like Ollama or LM Studio) that takes no key.
    mockApiKey: null,
    coreOverrides: {
      loadKeychain: async () => {
        throw new Error('The name org.freedesktop.secrets was not provided by any .service files')
      }
    }
  })

  test('local models still work without any key', async ({ page, app, mock }) => {
    await app.open()
    await expect(page.getByTestId('keychain-unavailable')).toBeVisible()
    await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
    await expect(page.getByLabel('Model')).toContainText('model-id-0 · free')
    await page.getByRole('textbox', { name: 'Message' }).fill('hello')
    await page.getByRole('textbox', { name: 'Message' }).press('Enter')
    const answer = page.locator('[data-testid="message"][data-role="assistant"]')
    await expect(answer).toHaveAttribute('data-status', 'complete')
    await expect(answer.locator('.content')).toContainText('real-time weather')
  })

  test('says so, and saving a key fails with the same clear message without storing it anywhere', async ({ page, app, mock }) => {
    await app.open()
    await expect(page.getByTestId('keychain-unavailable')).toContainText('Keychain unavailable')
    await app.addProvider({ preset: 'openai', baseUrl: mock.baseUrl, key: 'sk-test.never.stored.0000000000' })
    await expect(page.getByRole('alert')).toContainText('cannot reach your system keychain')
    await page.screenshot({ path: 'docs/screenshots/keychain-unavailable.png' })
    // The form keeps what the user typed so nothing is lost.
    await expect(page.getByLabel('Base URL')).toHaveValue(mock.baseUrl)
    expect(app.core.store?.providers.list()).toEqual([])
  })
})
