import { describe, expect, it } from 'vitest'
import { checkParams } from '../../src/main/providers/params'

describe('checkParams', () => {
  it('accepts what each API takes', () => {
    expect(() => checkParams('openai-compatible', { temperature: 1.5, topP: 0.9, maxOutputTokens: 500, reasoningEffort: 'high' })).not.toThrow()
    expect(() => checkParams('anthropic', { thinkingBudget: 2048, maxOutputTokens: 8000 })).not.toThrow()
    expect(() => checkParams('gemini', { temperature: 2, thinkingBudget: 0 })).not.toThrow()
    expect(() => checkParams('ollama', { temperature: 0.2, thinkingBudget: 1 })).not.toThrow()
  })

  it('refuses, with a sentence, what a provider would reject', () => {
    expect(() => checkParams('anthropic', { temperature: 0.5 })).toThrow(/leave temperature and top P empty/)
    expect(() => checkParams('anthropic', { thinkingBudget: 500 })).toThrow(/at least 1024 tokens/)
    expect(() => checkParams('anthropic', { reasoningEffort: 'low' })).toThrow(/no reasoning effort/)
    expect(() => checkParams('openai-compatible', { thinkingBudget: 2048 })).toThrow(/no thinking budget/)
    expect(() => checkParams('gemini', { reasoningEffort: 'high' })).toThrow(/no reasoning effort/)
  })

  it('reports them as validation errors', () => {
    expect(() => checkParams('anthropic', { temperature: 0.5 })).toThrow(expect.objectContaining({ code: 'validation' }))
  })
})
