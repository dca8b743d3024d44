import type { ProviderConfig, ProviderKind } from '../../shared/domain'
import type { Db } from './database'

interface ProviderRow {
  id: string
  kind: ProviderKind
  name: string
  base_url: string
  default_model: string | null
  enabled: number
}

function toConfig(row: ProviderRow): ProviderConfig {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    baseUrl: row.base_url,
    defaultModel: row.default_model,
    enabled: row.enabled === 1
  }
}

/** Provider configuration. There is deliberately no column for a key. */
export function createProvidersRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO providers (id, kind, name, base_url, default_model, enabled, created_at, updated_at)
     VALUES (@id, @kind, @name, @baseUrl, @defaultModel, @enabled, @at, @at)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, base_url = excluded.base_url,
       default_model = excluded.default_model, enabled = excluded.enabled, updated_at = excluded.updated_at`
  )
  const list = db.prepare('SELECT * FROM providers ORDER BY created_at, id')
  const get = db.prepare('SELECT * FROM providers WHERE id = ?')
  const remove = db.prepare('DELETE FROM providers WHERE id = ?')

  return {
    save(config: ProviderConfig, at: number): void {
      upsert.run({ ...config, enabled: config.enabled ? 1 : 0, at })
    },
    list(): ProviderConfig[] {
      return (list.all() as ProviderRow[]).map(toConfig)
    },
    get(id: string): ProviderConfig | null {
      const row = get.get(id) as ProviderRow | undefined
      return row ? toConfig(row) : null
    },
    remove(id: string): void {
      remove.run(id)
    }
  }
}

export type ProvidersRepo = ReturnType<typeof createProvidersRepo>
