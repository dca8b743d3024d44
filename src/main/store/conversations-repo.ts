import type { ConversationSummary } from '../../shared/domain'
import type { Db } from './database'

interface ConversationRow {
  id: string
  title: string
  provider_id: string | null
  model: string | null
  created_at: number
  updated_at: number
}

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    providerId: row.provider_id,
    model: row.model,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

const COLUMNS = 'id, title, provider_id, model, created_at, updated_at'

export function createConversationsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO conversations (id, title, provider_id, model, created_at, updated_at)
     VALUES (@id, @title, @providerId, @model, @createdAt, @updatedAt)`
  )
  const list = db.prepare(`SELECT ${COLUMNS} FROM conversations ORDER BY updated_at DESC, rowid DESC`)
  const get = db.prepare(`SELECT ${COLUMNS} FROM conversations WHERE id = ?`)
  const touch = db.prepare('UPDATE conversations SET updated_at = ?, provider_id = ?, model = ? WHERE id = ?')

  return {
    insert(summary: ConversationSummary): void {
      insert.run(summary)
    },
    list(): ConversationSummary[] {
      return (list.all() as ConversationRow[]).map(toSummary)
    },
    get(id: string): ConversationSummary | null {
      const row = get.get(id) as ConversationRow | undefined
      return row ? toSummary(row) : null
    },
    touch(id: string, at: number, providerId: string, model: string): void {
      touch.run(at, providerId, model, id)
    }
  }
}

export type ConversationsRepo = ReturnType<typeof createConversationsRepo>
