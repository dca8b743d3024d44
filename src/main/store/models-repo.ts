import type { ModelView } from '../../shared/domain'
import type { Db } from './database'

interface ModelRow {
  provider_id: string
  model_id: string
  display_name: string | null
  meta_json: string
  fetched_at: number
}

type ModelMeta = Pick<ModelView, 'contextWindow' | 'vision' | 'reasoning' | 'free'>

/** The last model list fetched from each provider, so the picker opens instantly and offline. */
export function createModelsRepo(db: Db) {
  const list = db.prepare('SELECT * FROM models_cache WHERE provider_id = ? ORDER BY model_id')
  const clear = db.prepare('DELETE FROM models_cache WHERE provider_id = ?')
  const insert = db.prepare(
    `INSERT INTO models_cache (provider_id, model_id, display_name, meta_json, fetched_at)
     VALUES (@providerId, @id, @displayName, @meta, @fetchedAt)`
  )

  return {
    list(providerId: string): { models: ModelView[]; fetchedAt: number | null } {
      const rows = list.all(providerId) as ModelRow[]
      const models = rows.map((row) => ({
        providerId: row.provider_id,
        id: row.model_id,
        displayName: row.display_name ?? row.model_id,
        ...(JSON.parse(row.meta_json) as ModelMeta)
      }))
      return { models, fetchedAt: rows[0]?.fetched_at ?? null }
    },
    /** Replaces the provider's cached list in one transaction. */
    replace(providerId: string, models: readonly ModelView[], fetchedAt: number): void {
      db.transaction(() => {
        clear.run(providerId)
        for (const model of models) {
          const meta: ModelMeta = { contextWindow: model.contextWindow, vision: model.vision, reasoning: model.reasoning, free: model.free }
          insert.run({ providerId, id: model.id, displayName: model.displayName, meta: JSON.stringify(meta), fetchedAt })
        }
      })()
    }
  }
}

export type ModelsRepo = ReturnType<typeof createModelsRepo>
