import { expect, test } from '../tests/e2e/app-fixture'

/**
 * Part of `npm run bench`: how long the real renderer, over the bridge, takes
 * to open a 5,000-message conversation (click in the sidebar until its last
 * message is on screen). Prints figures; asserts nothing about time.
 */
const MESSAGES = 5000
const RUNS = 5

test.use({ mockApiKey: null })

test(`open a ${MESSAGES}-message conversation`, async ({ page, app }) => {
  const store = app.core.store
  if (!store) throw new Error('no store')
  for (const id of ['long', 'short']) {
    store.conversations.insert({ id, title: `${id} chat`, source: 'chat', providerId: null, model: null, systemPrompt: null, params: {}, createdAt: 1, updatedAt: 1 })
  }
  store.transaction(() => {
    let parentId: string | null = null
    for (let i = 0; i < MESSAGES; i++) {
      const id = `m${i}`
      const content = i % 2 === 0 ? `Question ${i}: how does **this** work?` : `Answer ${i}.\n\n- a point\n- another point\n\n\`\`\`js\nconsole.log(${i})\n\`\`\``
      store.messages.insert({ id, conversationId: 'long', parentId, role: i % 2 === 0 ? 'user' : 'assistant', content, providerId: null, model: null, status: 'complete', createdAt: 1 + i })
      parentId = id
    }
    store.messages.insert({ id: 's0', conversationId: 'short', parentId: null, role: 'user', content: 'hi', providerId: null, model: null, status: 'complete', createdAt: 1 })
  })
  await app.open()
  const timings: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await page.getByRole('button', { name: 'short chat', exact: true }).click()
    await expect(page.getByText('hi', { exact: true })).toBeVisible()
    const started = Date.now()
    await page.getByRole('button', { name: 'long chat', exact: true }).click()
    await expect(page.getByText(`Answer ${MESSAGES - 1}.`, { exact: true })).toBeVisible()
    timings.push(Date.now() - started)
  }
  const mounted = await page.locator('[data-testid="message"]').count()
  const sorted = [...timings].sort((a, b) => a - b)
  console.log(`\nopen a ${MESSAGES}-message conversation (click to last message shown), ${RUNS} runs:`)
  console.log(`  median ${sorted[Math.floor(RUNS / 2)]} ms, min ${sorted[0]} ms, max ${sorted[RUNS - 1]} ms; ${mounted} messages in the DOM`)
})
