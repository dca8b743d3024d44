import type { Message } from '../../../src/shared/domain'

let counter = 0

/** A stored message with sensible defaults; override what the test is about. */
export function makeMessage(overrides: Partial<Message> & Pick<Message, 'id'>): Message {
  counter += 1
  return {
    conversationId: 'c1',
    parentId: null,
    role: 'user',
    content: `message ${counter}`,
    reasoning: '',
    providerId: 'mock',
    model: 'gpt-4o',
    status: 'complete',
    errorCode: null,
    errorMessage: null,
    usage: null,
    costUsd: null,
    createdAt: counter,
    updatedAt: counter,
    ...overrides
  }
}
