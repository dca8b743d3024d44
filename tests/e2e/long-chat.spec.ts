import { expect, test } from './app-fixture'

test.use({ mockApiKey: null })

test('a 5,000-message conversation opens at its end with only a screenful in the DOM', async ({ page, app }) => {
  const store = app.core.store
  if (!store) throw new Error('no store')
  store.conversations.insert({ id: 'long', title: 'A very long chat', source: 'chat', providerId: null, model: null, systemPrompt: null, params: {}, createdAt: 1, updatedAt: 1 })
  store.transaction(() => {
    let parentId: string | null = null
    for (let i = 0; i < 5000; i++) {
      const id = `m${i}`
      const role = i % 2 === 0 ? 'user' : 'assistant'
      store.messages.insert({ id, conversationId: 'long', parentId, role, content: `Message number ${i}`, providerId: null, model: null, status: 'complete', createdAt: 1 + i })
      parentId = id
    }
  })
  await app.open()
  await page.getByRole('button', { name: 'A very long chat', exact: true }).click()
  await expect(page.getByText('Message number 4999', { exact: true })).toBeVisible()
  const mounted = await page.locator('[data-testid="message"]').count()
  expect(mounted).toBeGreaterThan(0)
  expect(mounted).toBeLessThan(100)
  // Scrolling back to the start reaches the first message.
  const list = page.getByLabel('Messages')
  // The list keeps the end in view while it measures the first items it shows, so scroll once that settles.
  await expect(async () => {
    await list.evaluate((element) => element.scrollTo({ top: 0 }))
    await expect(page.getByText('Message number 0', { exact: true })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
})
