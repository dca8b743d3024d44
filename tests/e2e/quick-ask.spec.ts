import type { WindowControls } from '../../src/main/ipc/handlers'
import { expect, test } from './app-fixture'

const windowCalls: string[] = []
const windows: WindowControls = {
  hideQuickAsk: () => void windowCalls.push('hide quick ask'),
  showMain: () => void windowCalls.push('show main')
}

test.use({ mockApiKey: null, coreOverrides: { windows } })

test('quick ask: a streamed answer, Esc hides without stopping it, "Open in Chofesh" shows it in the main window', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()

  const quick = await app.openQuickAsk()
  const question = quick.getByRole('textbox', { name: 'Quick question' })
  await expect(question).toBeFocused()
  // Paced, so Esc comes while the answer is still streaming.
  mock.setScenario({ kind: 'replay', fixture: 'openai-chat-stream-text.sse', delayMs: 60 })
  await question.fill('What is the weather in Paris?')
  await question.press('Enter')
  const answer = quick.locator('[data-testid="message"][data-role="assistant"]')
  await expect(quick.getByTestId('asked')).toHaveText('What is the weather in Paris?')
  await expect(answer).toHaveAttribute('data-status', 'streaming')
  await expect(answer.locator('.content')).not.toBeEmpty()
  await quick.screenshot({ path: 'docs/screenshots/quick-ask.png' })

  await question.press('Escape')
  expect(windowCalls).toContain('hide quick ask')
  // The answer goes on in main and is stored.
  await expect(answer).toHaveAttribute('data-status', 'complete', { timeout: 15_000 })
  const stored = app.core.store?.conversations.list()[0]
  expect(stored?.source).toBe('quick-ask')

  await quick.getByRole('button', { name: 'Open in Chofesh' }).click()
  expect(windowCalls).toContain('show main')
  // The main window lists the conversation and shows it.
  await expect(page.locator('[data-testid="message"][data-role="user"] .content')).toHaveText('What is the weather in Paris?')
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveAttribute('data-status', 'complete')
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem')).toHaveCount(1)
})
