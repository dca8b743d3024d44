import { loadFixture } from './mock-provider'

/** The answer text an OpenAI-style SSE fixture spells out, from its `delta.content` pieces. */
export function openAIFixtureText(name: string): string {
  return loadFixture(name)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice('data: '.length)) as { choices?: Array<{ delta?: { content?: string | null } }> })
    .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
    .join('')
}
