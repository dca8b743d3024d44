import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/domain'
import type { Db } from './database'

/** The user's preferences, one row per key, each value as JSON. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare('SELECT key, value_json FROM settings')
  const upsert = db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json'
  )

  function read(): AppSettings {
    const settings: AppSettings = { ...DEFAULT_SETTINGS }
    for (const row of all.all() as Array<{ key: string; value_json: string }>) {
      // Keys this version does not know (written by a newer one) are left alone, not dropped.
      if (row.key in settings) Object.assign(settings, { [row.key]: JSON.parse(row.value_json) as unknown })
    }
    return settings
  }

  return {
    read,
    update(changes: Partial<AppSettings>): AppSettings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value))
      })()
      return read()
    }
  }
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>
