import { expect, test } from './fixture'
import { mountComponentInPage, setStreamingInPage, streamPropInPage, unmountComponentInPage, type ComponentWindow } from './component-page'

// Markdown.svelte as the app will use it: props change, the view follows.

test('streams through props, highlights a trailing open fence when streaming ends', async ({ harness }) => {
  const page = harness.page
  await page.evaluate(mountComponentInPage)
  const text = 'Intro with a [link](https://example.com/a).\n\n```python\nprint("still streaming")'
  await page.evaluate(streamPropInPage, { text, step: 4, from: 0 })
  await expect(page.locator('#out p')).toHaveText('Intro with a link.')
  await expect(page.locator('#out .md-code-lang')).toHaveText('python')
  await expect(page.locator('#out code span')).toHaveCount(0)

  await page.evaluate(setStreamingInPage, false)
  await expect(page.locator('#out code .hljs-built_in')).toHaveText('print')

  await page.locator('#out a').click()
  await page.locator('#out .md-code-copy').click()
  const recorded = await page.evaluate(() => {
    const win = globalThis as unknown as ComponentWindow
    return { opened: win.__opened, copied: win.__copied }
  })
  expect(recorded).toEqual({ opened: ['https://example.com/a'], copied: ['print("still streaming")'] })
  expect(harness.navigations).toEqual([])
})

test('a text changed in the middle once streaming is over is rendered anew', async ({ harness }) => {
  const page = harness.page
  // Same beginning and same last line: only the full comparison the component makes when not streaming can tell.
  const head = `# Answer\n\n${'A long shared opening sentence. '.repeat(12)}\n\n`
  await page.evaluate(mountComponentInPage)
  await page.evaluate(streamPropInPage, { text: `${head}middle one\n\nlast line`, step: 0, from: 0 })
  await page.evaluate(setStreamingInPage, false)
  await page.evaluate(streamPropInPage, { text: `${head}middle two\n\nlast line, and more`, step: 0, from: 0 })
  await expect(page.locator('#out p')).toHaveText([/^A long shared/, 'middle two', 'last line, and more'])
})

test('unmounting leaves nothing behind', async ({ harness }) => {
  await harness.page.evaluate(mountComponentInPage)
  await harness.page.evaluate(streamPropInPage, { text: 'Some *text*', step: 0, from: 0 })
  expect(await harness.page.evaluate(unmountComponentInPage)).toBe(0)
})
