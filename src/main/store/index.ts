import { createConversationsRepo } from './conversations-repo'
import { openDatabase, type Db } from './database'
import { createMessagesRepo } from './messages-repo'
import { createModelsRepo } from './models-repo'
import { createProvidersRepo } from './providers-repo'
import { createSettingsRepo } from './settings-repo'

/** The app's local store: one SQLite file, one repository per table group. */
export function openStore(path: string) {
  const db: Db = openDatabase(path)
  return {
    db,
    path,
    conversations: createConversationsRepo(db),
    messages: createMessagesRepo(db),
    providers: createProvidersRepo(db),
    models: createModelsRepo(db),
    settings: createSettingsRepo(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work)()
    },
    close(): void {
      db.close()
    }
  }
}

export type Store = ReturnType<typeof openStore>
