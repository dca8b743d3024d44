import type { Message, MessageRole, MessageStatus, TokenUsage } from '../../shared/domain'
import type { Db } from './database'

interface MessageRow {
  id: string
  conversation_id: string
  parent_id: string | null
  role: MessageRole
  content: string
  reasoning: string
  provider_id: string | null
  model: string | null
  status: MessageStatus
  error_code: string | null
  error_message: string | null
  input_tokens: number | null
  output_tokens: number | null
  reasoning_tokens: number | null
  cost_usd: number | null
  created_at: number
  updated_at: number
}

function toUsage(row: MessageRow): TokenUsage | null {
  if (row.input_tokens === null && row.output_tokens === null) return null
  const usage: TokenUsage = { inputTokens: row.input_tokens ?? 0, outputTokens: row.output_tokens ?? 0 }
  if (row.reasoning_tokens !== null) usage.reasoningTokens = row.reasoning_tokens
  return usage
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    providerId: row.provider_id,
    model: row.model,
    status: row.status,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    usage: toUsage(row),
    costUsd: row.cost_usd,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export interface NewMessage {
  id: string
  conversationId: string
  parentId: string | null
  role: MessageRole
  content: string
  providerId: string | null
  model: string | null
  status: MessageStatus
  createdAt: number
}

export interface MessageOutcome {
  status: Exclude<MessageStatus, 'streaming'>
  content: string
  reasoning: string
  errorCode: string | null
  errorMessage: string | null
  usage: TokenUsage | null
  finishedAt: number
}

export function createMessagesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, provider_id, model, status,
                           started_at, created_at, updated_at)
     VALUES (@id, @conversationId, @parentId, @role, @content, @providerId, @model, @status,
             @createdAt, @createdAt, @createdAt)`
  )
  const byConversation = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid')
  const byId = db.prepare('SELECT * FROM messages WHERE id = ?')
  const saveProgress = db.prepare(
    `UPDATE messages SET content = ?, reasoning = ?, updated_at = ?, first_token_at = COALESCE(first_token_at, ?)
     WHERE id = ? AND status = 'streaming'`
  )
  const finish = db.prepare(
    `UPDATE messages SET status = @status, content = @content, reasoning = @reasoning,
       error_code = @errorCode, error_message = @errorMessage,
       input_tokens = @inputTokens, output_tokens = @outputTokens, reasoning_tokens = @reasoningTokens,
       finished_at = @finishedAt, updated_at = @finishedAt
     WHERE id = @id`
  )
  const interruptStale = db.prepare(
    `UPDATE messages SET status = 'interrupted', error_code = 'interrupted',
       error_message = 'Chofesh closed before this answer finished.', updated_at = ?
     WHERE status = 'streaming'`
  )
  // Replies go with it: parent_id is ON DELETE CASCADE.
  const remove = db.prepare('DELETE FROM messages WHERE id = ?')
  const search = db.prepare(
    `SELECT m.* FROM messages_fts f JOIN messages m ON m.rowid = f.rowid
     WHERE messages_fts MATCH ? ORDER BY rank LIMIT ?`
  )

  return {
    insert(message: NewMessage): void {
      insert.run(message)
    },
    get(id: string): Message | null {
      const row = byId.get(id) as MessageRow | undefined
      return row ? toMessage(row) : null
    },
    listByConversation(conversationId: string): Message[] {
      return (byConversation.all(conversationId) as MessageRow[]).map(toMessage)
    },
    /** Persists the partial answer of a message that is still streaming. */
    saveProgress(id: string, content: string, reasoning: string, at: number): void {
      saveProgress.run(content, reasoning, at, content || reasoning ? at : null, id)
    },
    finish(id: string, outcome: MessageOutcome): void {
      finish.run({
        id,
        status: outcome.status,
        content: outcome.content,
        reasoning: outcome.reasoning,
        errorCode: outcome.errorCode,
        errorMessage: outcome.errorMessage,
        inputTokens: outcome.usage?.inputTokens ?? null,
        outputTokens: outcome.usage?.outputTokens ?? null,
        reasoningTokens: outcome.usage?.reasoningTokens ?? null,
        finishedAt: outcome.finishedAt
      })
    },
    /** After a crash or kill, answers left `streaming` are marked interrupted, text kept. */
    interruptStale(at: number): number {
      return interruptStale.run(at).changes
    },
    /** Deletes a message and every message that followed it on its branch. */
    remove(id: string): void {
      remove.run(id)
    },
    /** Full-text search; `query` is an FTS5 expression built by the caller. */
    search(query: string, limit = 50): Message[] {
      return (search.all(query, limit) as MessageRow[]).map(toMessage)
    }
  }
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>
