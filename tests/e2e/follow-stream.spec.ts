import { expect, test } from './app-fixture'

test.use({ mockApiKey: null })

/** An answer long enough to scroll, streamed slowly line by line. */
function longAnswer(lines: number): string[] {
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  const body = Array.from({ length: lines }, (_, i) => chunk({ content: `Line ${i} of a long answer.\n\n` }, null))
  return [chunk({ role: 'assistant', content: '' }, null), ...body, chunk({}, 'stop'), 'data: [DONE]\n\n']
}

test('the view follows a growing answer, and stays put once the user scrolls up to read', async ({ page, app, mock }) => {
  await app.open()
  await app.addProvider({ preset: 'lmstudio', baseUrl: mock.baseUrl })
  mock.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: longAnswer(120), delayMs: 40 })
  await page.getByRole('textbox', { name: 'Message' }).fill('Write a lot')
  await page.getByRole('textbox', { name: 'Message' }).press('Enter')
  const list = page.getByLabel('Messages')
  const distanceFromBottom = () => list.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)

  // Following: the newest line is in view while the answer grows past the screen.
  await expect(page.getByText('Line 40 of a long answer.')).toBeVisible()
  await expect.poll(distanceFromBottom).toBeLessThan(80)

  // The user scrolls up: the view no longer jumps to the end.
  await list.evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(page.getByText('Line 60 of a long answer.')).toBeAttached()
  expect(await list.evaluate((element) => element.scrollTop)).toBeLessThan(200)
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveAttribute('data-status', 'complete', { timeout: 20_000 })
  expect(await list.evaluate((element) => element.scrollTop)).toBeLessThan(200)
})
