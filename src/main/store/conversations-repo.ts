import type { ChatParams, ConversationSettings, ConversationSource, ConversationSummary } from '../../shared/domain'
import type { Db } from './database'

interface ConversationRow {
  id: string
  title: string
  source: ConversationSource
  provider_id: string | null
  model: string | null
  system_prompt: string | null
  params_json: string
  created_at: number
  updated_at: number
}

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    providerId: row.provider_id,
    model: row.model,
    systemPrompt: row.system_prompt,
    params: JSON.parse(row.params_json) as ChatParams,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

const COLUMNS = 'id, title, source, provider_id, model, system_prompt, params_json, created_at, updated_at'

export function createConversationsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO conversations (id, title, source, provider_id, model, system_prompt, params_json, created_at, updated_at)
     VALUES (@id, @title, @source, @providerId, @model, @systemPrompt, @params, @createdAt, @updatedAt)`
  )
  const list = db.prepare(`SELECT ${COLUMNS} FROM conversations ORDER BY updated_at DESC, rowid DESC`)
  const get = db.prepare(`SELECT ${COLUMNS} FROM conversations WHERE id = ?`)
  const touch = db.prepare('UPDATE conversations SET updated_at = ?, provider_id = ?, model = ? WHERE id = ?')
  const rename = db.prepare('UPDATE conversations SET title = ?, updated_at = ? WHERE id = ?')
  // Messages go with it (ON DELETE CASCADE), and their search entries with them (triggers).
  const remove = db.prepare('DELETE FROM conversations WHERE id = ?')
  const updateSettings = db.prepare('UPDATE conversations SET system_prompt = ?, params_json = ?, updated_at = ? WHERE id = ?')

  return {
    insert(summary: ConversationSummary): void {
      insert.run({ ...summary, params: JSON.stringify(summary.params) })
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
    },
    rename(id: string, title: string, at: number): void {
      rename.run(title, at, id)
    },
    remove(id: string): void {
      remove.run(id)
    },
    updateSettings(id: string, settings: ConversationSettings, at: number): void {
      updateSettings.run(settings.systemPrompt, JSON.stringify(settings.params), at, id)
    }
  }
}

export type ConversationsRepo = ReturnType<typeof createConversationsRepo>
