import { expect, test } from './app-fixture'

test.use({ mockApiKey: null })

test('the keyboard drives the chat: new chat, filter, edit last, switch, stop, shortcut sheet', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  const composer = page.getByRole('textbox', { name: 'Message' })
  const answer = page.locator('[data-testid="message"][data-role="assistant"]')

  for (const question of ['first chat', 'second chat']) {
    await page.keyboard.press('Control+n')
    await expect(composer).toBeFocused()
    await composer.fill(question)
    await composer.press('Enter')
    await expect(answer).toHaveAttribute('data-status', 'complete')
  }
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem')).toHaveCount(2)

  // ↑ in the empty message box edits the last question; Esc leaves the edit.
  await composer.focus()
  await composer.press('ArrowUp')
  await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveValue('second chat')
  await page.getByRole('textbox', { name: 'Edit message' }).press('Escape')
  await expect(page.getByRole('textbox', { name: 'Edit message' })).toHaveCount(0)

  // Alt+↓ opens the next conversation in the list (older), Alt+↑ comes back.
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.locator('[data-testid="message"][data-role="user"] .content')).toHaveText('first chat')
  await page.keyboard.press('Alt+ArrowUp')
  await expect(page.locator('[data-testid="message"][data-role="user"] .content')).toHaveText('second chat')

  // Ctrl+K focuses the filter.
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('searchbox', { name: 'Filter conversations' })).toBeFocused()

  // Esc stops a running answer; what arrived is kept.
  mock.setScenario({ kind: 'stall', fixture: 'openai-chat-stream-text.sse', afterEvents: 4 })
  await composer.fill('a long answer please')
  await composer.press('Enter')
  const latest = answer.last()
  await expect(latest.locator('.content')).toHaveText("I'm unable to")
  await page.keyboard.press('Escape')
  await expect(latest).toHaveAttribute('data-status', 'interrupted')
  await expect(latest.locator('.content')).toHaveText("I'm unable to")
  expect((await mock.waitForClientClose()).path).toBe('/v1/chat/completions')

  // Ctrl+/ shows the shortcut sheet.
  await page.keyboard.press('Control+/')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('Edit your last message')
  await page.screenshot({ path: 'docs/screenshots/shortcuts.png' })
  await sheet.getByRole('button', { name: 'Close' }).click()
  await expect(sheet).toHaveCount(0)
})
