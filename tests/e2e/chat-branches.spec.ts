import { expect, test } from './app-fixture'

test.use({ mockApiKey: null })

test('regenerate, edit & resend, branch navigation, delete, rename and delete with undo', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  const composer = page.getByRole('textbox', { name: 'Message' })
  await composer.fill('What is the weather?')
  await composer.press('Enter')
  const answers = page.locator('[data-testid="message"][data-role="assistant"]')
  await expect(answers).toHaveAttribute('data-status', 'complete')

  // Regenerate: a second version of the answer, the first one kept.
  mock.setScenario({ kind: 'replay', fixture: 'openai-chat-stream-logprobs-usage.sse' })
  await answers.getByRole('button', { name: 'Regenerate' }).click()
  await expect(answers.locator('.content')).toHaveText('Foo!')
  await expect(answers.getByTestId('branch-position')).toHaveText('2/2')
  await answers.getByRole('button', { name: 'Previous version' }).click()
  await expect(answers.locator('.content')).toContainText('real-time weather')
  await expect(answers.getByTestId('branch-position')).toHaveText('1/2')

  // Edit & resend: the question gets a second version with its own answer.
  const question = page.locator('[data-testid="message"][data-role="user"]')
  await question.getByRole('button', { name: 'Edit' }).click()
  await page.getByRole('textbox', { name: 'Edit message' }).fill('What is the weather in Paris?')
  await page.getByRole('button', { name: 'Save & send' }).click()
  await expect(question.locator('.content')).toHaveText('What is the weather in Paris?')
  await expect(question.getByTestId('branch-position')).toHaveText('2/2')
  await expect(answers).toHaveAttribute('data-status', 'complete')
  await page.screenshot({ path: 'docs/screenshots/branches.png' })
  await question.getByRole('button', { name: 'Previous version' }).click()
  await expect(question.locator('.content')).toHaveText('What is the weather?')

  // Delete the edited question: its branch goes, the original stays.
  await question.getByRole('button', { name: 'Next version' }).click()
  await question.getByRole('button', { name: 'Delete' }).click()
  await expect(question.locator('.content')).toHaveText('What is the weather?')
  await expect(question.getByTestId('branch-position')).toHaveCount(0)

  // Rename, then delete with undo: nothing is lost until the undo window closes.
  const row = page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem').first()
  await row.getByRole('button', { name: /^Rename/ }).click()
  await page.getByRole('textbox', { name: 'Conversation title' }).fill('Weather talk')
  await page.getByRole('textbox', { name: 'Conversation title' }).press('Enter')
  await expect(page.getByRole('button', { name: 'Weather talk', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Weather talk', exact: true }).click()
  await page.getByRole('button', { name: 'Delete Weather talk' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Weather talk”' })).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('button', { name: 'Weather talk', exact: true })).toBeVisible()
  expect(app.core.store?.conversations.list().map((c) => c.title)).toEqual(['Weather talk'])

  // The filter box narrows the list.
  await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('nothing like it')
  await expect(page.getByText('No conversation matches')).toBeVisible()
})
