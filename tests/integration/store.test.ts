import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../src/main/store'
import { MIGRATIONS } from '../../src/main/store/migrations'
import { AppError } from '../../src/shared/errors'
import type { MessageStatus } from '../../src/shared/domain'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'

let dir: string
let dbPath: string
const opened: Store[] = []

function open(path = dbPath): Store {
  const store = openStore(path)
  opened.push(store)
  return store
}

beforeEach(() => {
  dir = makeTempDir()
  dbPath = join(dir, 'chofesh.sqlite')
})

afterEach(() => {
  for (const store of opened.splice(0)) if (store.db.open) store.close()
  removeTempDir(dir)
})

function addConversation(store: Store, id = 'c1'): string {
  store.conversations.insert({ id, title: 'Test', source: 'chat', providerId: null, model: null, systemPrompt: null, params: {}, createdAt: 1, updatedAt: 1 })
  return id
}

function addMessage(store: Store, id: string, content: string, status: MessageStatus = 'complete', conversationId = 'c1'): void {
  store.messages.insert({
    id,
    conversationId,
    parentId: null,
    role: 'assistant',
    content,
    providerId: 'mock',
    model: 'gpt-4o',
    status,
    createdAt: 1
  })
}

const searchIds = (store: Store, query: string): string[] => store.messages.search(query).map((m) => m.id)

/** Rowids straight from the FTS index, without the join to messages that would hide stale entries. */
const ftsRowids = (store: Store, query: string): number[] =>
  (store.db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all(query) as Array<{ rowid: number }>).map(
    (row) => row.rowid
  )

/** FTS5 checks its index against the external content table; throws SQLITE_CORRUPT_VTAB when out of sync. */
const ftsIntegrityCheck = (store: Store): void => {
  store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run()
}

function expectAppError(work: () => unknown, code: string): AppError {
  let caught: unknown
  try {
    work()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(AppError)
  expect((caught as AppError).code).toBe(code)
  return caught as AppError
}

describe('openStore: schema and pragmas', () => {
  it('runs every migration and records it in user_version', () => {
    const store = open()
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as Array<{ name: string }>).map(
      (row) => row.name
    )
    expect(tables).toEqual(expect.arrayContaining(['conversations', 'messages', 'messages_fts', 'providers', 'settings']))
  })

  it('uses WAL and enforces foreign keys', () => {
    const store = open()
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    // Enforcement, not only the pragma: a message for a missing conversation is refused.
    expect(() => addMessage(store, 'orphan', 'x', 'complete', 'no-such-conversation')).toThrow(/FOREIGN KEY/)
  })

  it('reopens an existing database without re-running migrations or losing data', () => {
    const first = open()
    addConversation(first)
    addMessage(first, 'm1', 'persisted across restarts')
    first.close()

    const second = open()
    expect(second.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(second.conversations.list().map((c) => c.id)).toEqual(['c1'])
    expect(second.messages.get('m1')?.content).toBe('persisted across restarts')
    expect(searchIds(second, 'restarts')).toEqual(['m1'])
    second.close()

    // And a third time, for good measure: still nothing to migrate, nothing thrown.
    const third = open()
    expect(third.messages.listByConversation('c1')).toHaveLength(1)
  })

  it('keeps no column for a key in the providers table', () => {
    const store = open()
    const columns = (store.db.prepare('PRAGMA table_info(providers)').all() as Array<{ name: string }>).map((c) => c.name)
    expect(columns).toContain('base_url')
    expect(columns.filter((name) => /key|secret|token|password/i.test(name))).toEqual([])
  })
})

describe('full-text search', () => {
  it('finds message text after insert', () => {
    const store = open()
    addConversation(store)
    addMessage(store, 'm1', 'The quick brown fox')
    addMessage(store, 'm2', 'jumps over the lazy dog')
    expect(searchIds(store, 'fox')).toEqual(['m1'])
    expect(searchIds(store, 'lazy')).toEqual(['m2'])
    expect(searchIds(store, 'elephant')).toEqual([])
  })

  it('follows content changed by saveProgress and finish', () => {
    const store = open()
    addConversation(store)
    addMessage(store, 'm1', '', 'streaming')

    store.messages.saveProgress('m1', 'partial aardvark', '', 10)
    expect(searchIds(store, 'aardvark')).toEqual(['m1'])

    store.messages.saveProgress('m1', 'partial wombat', '', 20)
    expect(searchIds(store, 'wombat')).toEqual(['m1'])
    expect(searchIds(store, 'aardvark')).toEqual([])

    store.messages.finish('m1', {
      status: 'complete',
      content: 'final platypus',
      reasoning: '',
      errorCode: null,
      errorMessage: null,
      usage: { inputTokens: 3, outputTokens: 4 },
      finishedAt: 30
    })
    expect(searchIds(store, 'platypus')).toEqual(['m1'])
    expect(searchIds(store, 'wombat')).toEqual([])
    expect(ftsRowids(store, 'wombat')).toEqual([])
    expect(() => ftsIntegrityCheck(store)).not.toThrow()
  })

  it('forgets messages deleted by a conversation delete (cascade)', () => {
    const store = open()
    addConversation(store, 'c1')
    addConversation(store, 'c2')
    addMessage(store, 'm1', 'cascading narwhal', 'complete', 'c1')
    addMessage(store, 'm2', 'surviving narwhal', 'complete', 'c2')
    expect(searchIds(store, 'narwhal').sort()).toEqual(['m1', 'm2'])

    store.db.prepare('DELETE FROM conversations WHERE id = ?').run('c1')
    expect(store.messages.get('m1')).toBeNull()
    expect(searchIds(store, 'cascading')).toEqual([])
    expect(ftsRowids(store, 'cascading')).toEqual([])
    expect(searchIds(store, 'narwhal')).toEqual(['m2'])

    store.db.exec('DELETE FROM conversations')
    expect(store.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 0 })
    expect(ftsRowids(store, 'narwhal')).toEqual([])
    expect(() => ftsIntegrityCheck(store)).not.toThrow()
  })
})

describe('interruptStale', () => {
  it('marks streaming answers interrupted and keeps their text', () => {
    const store = open()
    addConversation(store)
    addMessage(store, 'streaming-1', '', 'streaming')
    store.messages.saveProgress('streaming-1', 'half an answer', 'some thoughts', 5)
    addMessage(store, 'done-1', 'a finished answer', 'complete')

    expect(store.messages.interruptStale(99)).toBe(1)

    const stale = store.messages.get('streaming-1')
    expect(stale).toMatchObject({ status: 'interrupted', content: 'half an answer', reasoning: 'some thoughts', updatedAt: 99 })
    expect(stale?.errorCode).toBeTruthy()
    expect(store.messages.get('done-1')).toMatchObject({ status: 'complete', content: 'a finished answer', errorCode: null })
    // Idempotent: nothing is streaming any more.
    expect(store.messages.interruptStale(100)).toBe(0)
  })
})

describe('open failures never touch the file', () => {
  it('reports a file that is not a database as db_corrupt and leaves it as it was', () => {
    // Garbage that cannot start with the SQLite header.
    const garbage = Buffer.concat([Buffer.from('NOT A DATABASE\0\0'), randomBytes(4096 - 16)])
    writeFileSync(dbPath, garbage)

    const error = expectAppError(() => openStore(dbPath), 'db_corrupt')
    expect(error.message).toContain(dbPath)

    expect(existsSync(dbPath)).toBe(true)
    expect(readFileSync(dbPath).equals(garbage)).toBe(true)
  })

  it('reports a location it cannot create the file in as db_unwritable', () => {
    // The parent "folder" is a regular file: no user, not even root, can create a file inside it.
    const notAFolder = join(dir, 'afile')
    writeFileSync(notAFolder, 'just a file')
    const path = join(notAFolder, 'chofesh.sqlite')

    const error = expectAppError(() => openStore(path), 'db_unwritable')
    expect(error.message).toContain(path)
    expect(readFileSync(notAFolder, 'utf8')).toBe('just a file')
  })

  it('reports a path inside a missing folder as db_unwritable', () => {
    expectAppError(() => openStore(join(dir, 'missing', 'nested', 'chofesh.sqlite')), 'db_unwritable')
    expect(existsSync(join(dir, 'missing'))).toBe(false)
  })

  /** A database as a newer Chofesh would leave it: a schema version this build does not know. */
  function writeNewerDatabase(journalMode: 'wal' | 'delete'): Buffer {
    const db = new Database(dbPath)
    db.pragma(`journal_mode = ${journalMode}`)
    db.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('keep me')")
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    db.close()
    return readFileSync(dbPath)
  }

  function expectNewerVersionRefused(before: Buffer): void {
    const error = expectAppError(() => openStore(dbPath), 'db_corrupt')
    expect(error.message).toMatch(/newer version/i)
    expect(existsSync(dbPath)).toBe(true)
    expect(readFileSync(dbPath).equals(before)).toBe(true)
  }

  it('refuses a database from a newer version (WAL, as Chofesh writes it) without changing it', () => {
    expectNewerVersionRefused(writeNewerDatabase('wal'))
  })

  it('refuses a database from a newer version (rollback journal) without changing it', () => {
    expectNewerVersionRefused(writeNewerDatabase('delete'))
  })
})

describe('settings', () => {
  it('start from the defaults, keep what was changed, and leave unknown keys alone', () => {
    const store = openStore(join(dir, 'chofesh.sqlite'))
    opened.push(store)
    expect(store.settings.read()).toEqual({ theme: 'system', quickAskShortcut: 'CommandOrControl+Shift+Space', defaultModel: null })
    store.settings.update({ theme: 'dark' })
    store.settings.update({ defaultModel: { providerId: 'openai', model: 'gpt-4o' } })
    store.db.prepare("INSERT INTO settings (key, value_json) VALUES ('fromTheFuture', '1')").run()
    expect(store.settings.read()).toEqual({
      theme: 'dark',
      quickAskShortcut: 'CommandOrControl+Shift+Space',
      defaultModel: { providerId: 'openai', model: 'gpt-4o' }
    })
    expect(store.db.prepare("SELECT value_json FROM settings WHERE key = 'fromTheFuture'").get()).toEqual({ value_json: '1' })
  })
})
