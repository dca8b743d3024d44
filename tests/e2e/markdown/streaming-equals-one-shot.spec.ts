import { expect, test } from './fixture'
import { fixtureAnswers, SPEC_EXAMPLES, specDocuments } from './answer-texts'
import { compareStreamingInPage, deltaEnds, pieceEnds, type Mismatch } from './compare-page'
import { GFM_PIECES, gfmDocuments } from './gfm-cases'

// The DOM after streaming in small deltas must equal the DOM of rendering
// the same text at once, after every delta and after finish(): the
// incremental path is checked on its own, with no final full render.

function describeMismatches(mismatches: Mismatch[], names: (index: number) => string): string[] {
  return mismatches.map((m) => `${names(m.index)} at ${m.at}${m.finished ? ' (finished)' : ''}:\n  streamed ${m.streamed.slice(0, 400)}\n  one-shot ${m.oneShot.slice(0, 400)}`)
}

const BATCH = 110

for (const step of [1, 3]) {
  for (let start = 0; start < SPEC_EXAMPLES.length; start += BATCH) {
    const batch = SPEC_EXAMPLES.slice(start, start + BATCH)
    test(`CommonMark examples ${batch[0]?.number}-${batch.at(-1)?.number}, ${step}-character deltas`, async ({ harness }) => {
      const texts = batch.map((example) => example.markdown)
      const mismatches = await harness.page.evaluate(compareStreamingInPage, { texts, ends: texts.map((text) => deltaEnds(text, step)) })
      expect(describeMismatches(mismatches, (index) => `example ${batch[index]?.number} (${batch[index]?.section})`)).toEqual([])
    })
  }
}

test('CommonMark examples joined into long documents, 3-character deltas', async ({ harness }) => {
  const texts = specDocuments(15)
  const mismatches = await harness.page.evaluate(compareStreamingInPage, { texts, ends: texts.map((text) => deltaEnds(text, 3)) })
  expect(describeMismatches(mismatches, (index) => `document ${index}`)).toEqual([])
})

test('provider fixture answers, as streamed and in 3-character deltas', async ({ harness }) => {
  const answers = fixtureAnswers()
  expect(answers.length).toBeGreaterThan(10)
  const texts = [...answers, ...answers].map((answer) => answer.pieces.join(''))
  const ends = [...answers.map((answer) => pieceEnds(answer.pieces)), ...answers.map((answer) => deltaEnds(answer.pieces.join(''), 3))]
  const mismatches = await harness.page.evaluate(compareStreamingInPage, { texts, ends })
  const name = (index: number) => {
    const answer = answers[index % answers.length]
    return `${answer?.fixture} ${answer?.kind} (${index < answers.length ? 'real deltas' : '3-character deltas'})`
  }
  expect(describeMismatches(mismatches, name)).toEqual([])
})

test('GFM and chat-style cases one by one, 1-character deltas', async ({ harness }) => {
  const texts = [...GFM_PIECES]
  const mismatches = await harness.page.evaluate(compareStreamingInPage, { texts, ends: texts.map((text) => deltaEnds(text, 1)) })
  expect(describeMismatches(mismatches, (index) => JSON.stringify(texts[index]))).toEqual([])
})

test('random documents of GFM and chat-style cases, deltas of 1 to 9 characters', async ({ harness }) => {
  const documents = gfmDocuments(80)
  const texts = documents.map((document) => document.text)
  const ends = documents.map((document) => deltaEnds(document.text, document.step))
  const mismatches = await harness.page.evaluate(compareStreamingInPage, { texts, ends })
  expect(describeMismatches(mismatches, (index) => `document ${index} ${JSON.stringify(texts[index])} (step ${documents[index]?.step})`)).toEqual([])
})
