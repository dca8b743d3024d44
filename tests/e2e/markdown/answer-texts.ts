import { readdirSync } from 'node:fs'
import { tests as specExamples } from 'commonmark-spec'
import MarkdownIt, { type Env } from 'markdown-it'
import { anthropicTranscript } from '../../support/factories/anthropic-fixture'
import { geminiTranscript } from '../../support/factories/gemini-fixture'
import { openaiContentPieces, openaiReasoningText } from '../../support/factories/openai-fixture'
import { FIXTURES_DIR } from '../../support/mock-provider'

/** The spec writes tabs as "→" so they show; the examples mean real tabs. */
export const SPEC_EXAMPLES = specExamples.map((example) => ({ ...example, markdown: example.markdown.replaceAll('→', '\t') }))

const referenceFinder = new MarkdownIt('default', { html: true })

function definesReferences(markdown: string): boolean {
  const env: Env = {}
  referenceFinder.parse(markdown, env)
  return Object.keys(env.references ?? {}).length > 0
}

/**
 * The spec examples joined into documents of `size` examples each, so
 * blocks meet other blocks as in a long answer. Examples that define link
 * references are left out: they switch the engine to full re-parses (that
 * mode is covered by the examples one by one), which would make streaming
 * a long document quadratic here.
 */
export function specDocuments(size: number): string[] {
  const usable = SPEC_EXAMPLES.map((example) => example.markdown).filter((markdown) => !definesReferences(markdown))
  const documents: string[] = []
  for (let start = 0; start < usable.length; start += size) documents.push(usable.slice(start, start + size).join('\n\n'))
  return documents
}

export interface FixtureAnswer {
  fixture: string
  kind: 'answer' | 'reasoning'
  /** The pieces as the provider streamed them. */
  pieces: string[]
}

/** The answer (and reasoning) text of every SSE fixture, with its real delta boundaries. */
export function fixtureAnswers(): FixtureAnswer[] {
  const answers: FixtureAnswer[] = []
  for (const fixture of readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.sse')).sort()) {
    if (fixture.startsWith('anthropic-')) {
      const transcript = anthropicTranscript(fixture)
      answers.push({ fixture, kind: 'answer', pieces: transcript.textPieces }, { fixture, kind: 'reasoning', pieces: transcript.reasoningPieces })
    } else if (fixture.startsWith('gemini-')) {
      const transcript = geminiTranscript(fixture)
      answers.push({ fixture, kind: 'answer', pieces: transcript.textPieces }, { fixture, kind: 'reasoning', pieces: transcript.reasoningPieces })
    } else {
      answers.push({ fixture, kind: 'answer', pieces: openaiContentPieces(fixture) }, { fixture, kind: 'reasoning', pieces: [openaiReasoningText(fixture)] })
    }
  }
  return answers.filter((answer) => answer.pieces.join('') !== '')
}
