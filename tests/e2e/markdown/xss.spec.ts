import { expect, test } from './fixture'
import { streamVectorsInPage } from './xss-page'
import { VECTOR_FILES } from './xss-vectors'

// Hostile output (DESIGN §1.3): every vector, streamed as model output, in
// real Chromium under the app's CSP. A batch shares a page, so the trap and
// the request log cover all of its vectors.
const STEP = 7
const BATCH = 60

test('every vector file is read in full', () => {
  expect(VECTOR_FILES.map(({ file, vectors }) => [file, vectors.length])).toEqual([
    ['dompurify-vectors.json', 223],
    ['markdown-vectors.json', 47],
    ['payloadsallthethings-IntrudersXSS.txt', 179],
    ['payloadsallthethings-RSNAKE_XSS.txt', 73]
  ])
})

for (const { file, vectors } of VECTOR_FILES) {
  for (let start = 0; start < vectors.length; start += BATCH) {
    const batch = vectors.slice(start, start + BATCH)
    test(`${file} ${start + 1}-${start + batch.length}: no script runs, nothing loads, nothing navigates`, async ({ harness }) => {
      const findings = await harness.page.evaluate(streamVectorsInPage, { payloads: batch.map((vector) => vector.payload), step: STEP })

      const problems = batch.flatMap((vector, index) => (findings.problems[index] ?? []).map((problem) => `${vector.id} ${vector.title}: ${problem}`))
      expect(problems).toEqual([])
      expect(await harness.trap()).toEqual({ pwned: false, log: [] })
      expect(harness.dialogs).toEqual([])
      expect(harness.offOriginRequests).toEqual([])
      expect(harness.navigations).toEqual([])
      expect(findings.href).toBe(`${harness.origin}/`)
      expect(findings.opened.filter((url) => !/^(?:https?|mailto):/.test(url))).toEqual([])
      // The benign controls among the markdown vectors must still render as links.
      const lostLinks = batch.filter((vector, index) => vector.expect === 'keep-link' && findings.links[index] === 0)
      expect(lostLinks.map((vector) => vector.id)).toEqual([])
    })
  }
}
