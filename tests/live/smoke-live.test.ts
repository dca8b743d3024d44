import { it } from 'vitest'
import { isAppError } from '../../src/shared/errors'
import { PROVIDER_PRESETS, type PresetId } from '../../src/shared/provider-presets'
import { detectLocalServers } from '../../src/main/providers/local-detect'
import { createAdapterFactory } from '../../src/main/providers/registry'
import type { StreamEvent } from '../../src/main/providers/types'

/**
 * `npm run smoke:live`: one short answer from every provider whose key is in
 * the environment, against the real services. Never run in CI (it costs
 * money and needs the internet); providers without a key are skipped.
 */
const TARGETS: Array<{ preset: PresetId; keyVar: string | null; model: string }> = [
  { preset: 'openai', keyVar: 'OPENAI_API_KEY', model: 'gpt-4o-mini' },
  { preset: 'anthropic', keyVar: 'ANTHROPIC_API_KEY', model: 'claude-haiku-4-5' },
  { preset: 'google', keyVar: 'GEMINI_API_KEY', model: 'gemini-2.5-flash' },
  { preset: 'mistral', keyVar: 'MISTRAL_API_KEY', model: 'mistral-small-latest' },
  { preset: 'groq', keyVar: 'GROQ_API_KEY', model: 'llama-3.1-8b-instant' },
  { preset: 'deepseek', keyVar: 'DEEPSEEK_API_KEY', model: 'deepseek-chat' },
  { preset: 'openrouter', keyVar: 'OPENROUTER_API_KEY', model: 'meta-llama/llama-3.2-3b-instruct:free' },
  { preset: 'xai', keyVar: 'XAI_API_KEY', model: 'grok-3-mini' },
  { preset: 'together', keyVar: 'TOGETHER_API_KEY', model: 'meta-llama/Llama-3.2-3B-Instruct-Turbo' },
  { preset: 'ollama', keyVar: null, model: 'llama3.2' }
]

interface Row {
  provider: string
  model: string
  result: string
  firstTokenMs: number | ''
  totalMs: number | ''
  tokens: string
}

async function smoke(target: (typeof TARGETS)[number], key: string | null): Promise<Row> {
  const preset = PROVIDER_PRESETS[target.preset]
  const model = process.env[`CHOFESH_SMOKE_MODEL_${target.preset.toUpperCase()}`] ?? target.model
  const adapter = createAdapterFactory()(
    { id: preset.id, preset: preset.id, name: preset.name, baseUrl: preset.baseUrl, defaultModel: model, enabled: true, azure: null },
    key
  )
  const started = performance.now()
  let firstToken: number | null = null
  let text = ''
  let usage = ''
  try {
    const events: AsyncIterable<StreamEvent> = adapter.stream(
      { model, system: 'Answer in five words or fewer.', messages: [{ role: 'user', content: 'Say hello.' }], params: { maxOutputTokens: 64 } },
      AbortSignal.timeout(60_000)
    )
    for await (const event of events) {
      if (event.type === 'text') {
        firstToken ??= performance.now()
        text += event.text
      } else if (event.type === 'usage') {
        usage = `${event.usage.inputTokens} in / ${event.usage.outputTokens} out`
      }
    }
    const total = Math.round(performance.now() - started)
    return { provider: preset.name, model, result: `ok: ${JSON.stringify(text.trim().slice(0, 40))}`, firstTokenMs: firstToken ? Math.round(firstToken - started) : '', totalMs: total, tokens: usage }
  } catch (error) {
    const reason = isAppError(error) ? `${error.code}: ${error.message}` : String(error)
    return { provider: preset.name, model, result: `FAILED ${reason}`, firstTokenMs: '', totalMs: '', tokens: '' }
  }
}

it('streams one short answer from each configured provider', { timeout: 600_000 }, async () => {
  const rows: Row[] = []
  const local = new Set((await detectLocalServers(globalThis.fetch)).map((server) => server.presetId))
  for (const target of TARGETS) {
    const key = target.keyVar ? process.env[target.keyVar] ?? null : null
    const skip = target.keyVar ? (key ? null : `no ${target.keyVar}`) : local.has('ollama') ? null : 'not running on this machine'
    if (skip) {
      rows.push({ provider: PROVIDER_PRESETS[target.preset].name, model: target.model, result: `skipped (${skip})`, firstTokenMs: '', totalMs: '', tokens: '' })
      continue
    }
    rows.push(await smoke(target, key))
  }
  console.table(rows)
})
