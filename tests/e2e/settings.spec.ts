import { expect, test } from './app-fixture'

test.use({ mockApiKey: null })

test('theme and default model are remembered, and the main screens look right in light and dark', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  await page.getByLabel('Model').selectOption({ label: 'model-id-2 · free' })
  await page.getByRole('textbox', { name: 'Message' }).fill('Plan a weekend in Lisbon')
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveAttribute('data-status', 'complete')
  await page.screenshot({ path: 'docs/screenshots/chat-light.png' })

  await page.getByRole('button', { name: 'Settings…' }).click()
  await page.getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: 'Use the current model' }).click()
  await expect(page.getByTestId('default-model')).toHaveText('LM Studio · model-id-2')
  await page.screenshot({ path: 'docs/screenshots/settings-dark.png' })
  await page.getByRole('button', { name: 'Back to chat' }).click()
  await page.screenshot({ path: 'docs/screenshots/chat-dark.png' })

  // After a restart of the window: still dark, and a new chat starts on the default model.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByLabel('Model').selectOption({ label: 'model-id-0 · free' })
  await page.keyboard.press('Control+n')
  await expect(page.getByLabel('Model')).toHaveValue('lmstudio\u0000model-id-2')
  expect(app.core.store?.settings.read()).toMatchObject({ theme: 'dark', defaultModel: { providerId: 'lmstudio', model: 'model-id-2' } })
})

test.describe('a provider whose key needs replacing', () => {
  test.use({ mockApiKey: 'sk-test-right-key-000000' })

  test('the key is replaced in place, and a turned-off provider offers no models', async ({ page, app, mock }) => {
    await app.open()
    await app.addProvider({ preset: 'openai', baseUrl: mock.baseUrl, key: 'sk-test-wrong-key-000000' })
    await expect(page.getByRole('alert')).toContainText('rejected the API key')

    const row = page.getByTestId('provider-row')
    await row.getByRole('button', { name: 'Edit' }).click()
    await row.getByLabel('Replace key (leave empty to keep it)').fill('sk-test-right-key-000000')
    await row.getByRole('button', { name: 'Save' }).click()
    await expect(row.getByRole('status')).toHaveText('Saved.')
    await expect(row.getByTestId('key-hint')).toHaveText('sk-…0000')
    await page.getByRole('button', { name: 'Start chatting' }).click()
    await expect(page.getByLabel('Model').locator('optgroup[label="OpenAI"] option')).toHaveText(['model-id-0', 'model-id-1', 'model-id-2'])

    await page.getByRole('button', { name: 'Settings…' }).click()
    await row.getByRole('button', { name: 'Edit' }).click()
    await row.getByLabel('Enabled').uncheck()
    await row.getByRole('button', { name: 'Save' }).click()
    await expect(row).toContainText('off')
    await page.getByRole('button', { name: 'Back to chat' }).click()
    await expect(page.getByLabel('Model').locator('optgroup')).toHaveCount(0)
    expect(app.core.store?.providers.get('openai')?.enabled).toBe(false)
  })
})

test.describe('the quick-ask shortcut', () => {
  const applied: string[] = []
  let current = { accelerator: 'CommandOrControl+Shift+Space', active: true, message: null as string | null }
  test.use({
    coreOverrides: {
      shortcut: {
        status: () => current,
        apply: (accelerator: string) => {
          applied.push(accelerator)
          current = { accelerator, active: false, message: `${accelerator} is taken by another app. Pick another, or bind chofesh --quick-ask.` }
          return current
        }
      }
    }
  })

  test('is changed in settings, and the user is told when it cannot be registered', async ({ page, app, mock }) => {
    await app.open()
    await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
    await page.getByRole('button', { name: 'Settings…' }).click()
    await expect(page.getByTestId('shortcut-status')).toHaveText('CommandOrControl+Shift+Space opens quick ask.')
    await page.getByLabel('Quick ask shortcut (anywhere on your computer)').fill('Control+Alt+Q')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByTestId('shortcut-status')).toHaveText('Control+Alt+Q is taken by another app. Pick another, or bind chofesh --quick-ask.')
    expect(applied).toEqual(['Control+Alt+Q'])
    expect(app.core.store?.settings.read().quickAskShortcut).toBe('Control+Alt+Q')
  })
})
