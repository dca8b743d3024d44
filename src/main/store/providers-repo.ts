import type { AzureSettings, ProviderConfig } from '../../shared/domain'
import type { PresetId } from '../../shared/provider-presets'
import type { Db } from './database'

interface ProviderRow {
  id: string
  preset: PresetId
  name: string
  base_url: string
  default_model: string | null
  enabled: number
  options_json: string
}

interface ProviderOptions {
  azure?: AzureSettings
}

function toConfig(row: ProviderRow): ProviderConfig {
  const options = JSON.parse(row.options_json) as ProviderOptions
  return {
    id: row.id,
    preset: row.preset,
    name: row.name,
    baseUrl: row.base_url,
    defaultModel: row.default_model,
    enabled: row.enabled === 1,
    azure: options.azure ?? null
  }
}

/** Provider configuration. There is deliberately no column for a key. */
export function createProvidersRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO providers (id, preset, name, base_url, default_model, enabled, options_json, created_at, updated_at)
     VALUES (@id, @preset, @name, @baseUrl, @defaultModel, @enabled, @options, @at, @at)
     ON CONFLICT(id) DO UPDATE SET preset = excluded.preset, name = excluded.name, base_url = excluded.base_url,
       default_model = excluded.default_model, enabled = excluded.enabled, options_json = excluded.options_json,
       updated_at = excluded.updated_at`
  )
  const list = db.prepare('SELECT * FROM providers ORDER BY created_at, id')
  const get = db.prepare('SELECT * FROM providers WHERE id = ?')
  const remove = db.prepare('DELETE FROM providers WHERE id = ?')

  return {
    save(config: ProviderConfig, at: number): void {
      const options: ProviderOptions = config.azure ? { azure: config.azure } : {}
      upsert.run({
        id: config.id,
        preset: config.preset,
        name: config.name,
        baseUrl: config.baseUrl,
        defaultModel: config.defaultModel,
        enabled: config.enabled ? 1 : 0,
        options: JSON.stringify(options),
        at
      })
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
