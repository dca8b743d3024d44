import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])
const UNWRITABLE_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_IOERR', 'SQLITE_FULL'])

function primaryCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  // Extended codes such as SQLITE_IOERR_WRITE share the primary code's meaning.
  return code.split('_').slice(0, 2).join('_')
}

function unwritable(path: string, cause: unknown): AppError {
  return new AppError(
    'db_unwritable',
    `Chofesh cannot write its chat database at ${path}. Check that the folder exists, that you may write to it, and that the disk is not full.`,
    { cause }
  )
}

/**
 * Turns a SQLite failure at open time into an error the user can act on.
 * The file is never deleted or replaced: it may hold the only copy of their chats.
 */
function explainOpenFailure(error: unknown, path: string): AppError {
  const code = primaryCode(error)
  if (UNWRITABLE_CODES.has(code)) return unwritable(path, error)
  const detail = CORRUPT_CODES.has(code) ? 'is damaged or is not a Chofesh database' : 'could not be opened'
  return new AppError(
    'db_corrupt',
    `The chat database at ${path} ${detail}. It has not been changed. Move it aside (or restore a backup) and restart Chofesh.`,
    { cause: error }
  )
}

function migrate(db: Db, current: number): void {
  MIGRATIONS.slice(current).forEach((sql, offset) => {
    const version = current + offset + 1
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version}`)
    })()
  })
}

/** Opens (creating if needed) the database, applies pragmas and migrations. */
export function openDatabase(path: string): Db {
  let db: Db | undefined
  try {
    if (!existsSync(dirname(path))) throw unwritable(path, new Error(`missing folder ${dirname(path)}`))
    db = new Database(path, { fileMustExist: false })
    // Reading the version parses the header, so a file that is not a database
    // fails here; and it comes before any pragma that writes (WAL rewrites the
    // header), so a file we refuse is left exactly as it was.
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) {
      throw new AppError(
        'db_corrupt',
        `The chat database at ${path} was written by a newer version of Chofesh. Update Chofesh to open it; the file has not been changed.`
      )
    }
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 3000')
    migrate(db, version)
    return db
  } catch (error) {
    db?.close()
    if (error instanceof AppError) throw error
    throw explainOpenFailure(error, path)
  }
}
