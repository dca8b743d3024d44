/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many
 * have run. Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: initial schema */ `
  CREATE TABLE conversations (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    provider_id   TEXT,
    model         TEXT,
    system_prompt TEXT,
    params_json   TEXT NOT NULL DEFAULT '{}',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  );
  CREATE INDEX conversations_updated ON conversations(updated_at DESC);

  -- A tree: edits and regenerations are siblings under the same parent.
  CREATE TABLE messages (
    id                TEXT PRIMARY KEY,
    conversation_id   TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    parent_id         TEXT REFERENCES messages(id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content           TEXT NOT NULL DEFAULT '',
    reasoning         TEXT NOT NULL DEFAULT '',
    provider_id       TEXT,
    model             TEXT,
    status            TEXT NOT NULL CHECK (status IN ('complete', 'streaming', 'interrupted', 'error')),
    error_code        TEXT,
    error_message     TEXT,
    input_tokens      INTEGER,
    output_tokens     INTEGER,
    reasoning_tokens  INTEGER,
    cost_usd          REAL,
    started_at        INTEGER,
    first_token_at    INTEGER,
    finished_at       INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
  );
  CREATE INDEX messages_conversation ON messages(conversation_id, created_at);
  CREATE INDEX messages_parent ON messages(parent_id);
  CREATE INDEX messages_status ON messages(status) WHERE status = 'streaming';

  -- Full-text search over message text; external content, kept in sync by triggers.
  CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
  END;
  CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
  END;
  CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
  END;

  -- Provider configuration only. Keys live in the OS keychain, never here.
  CREATE TABLE providers (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    base_url      TEXT NOT NULL,
    default_model TEXT,
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  );

  CREATE TABLE models_cache (
    provider_id  TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    model_id     TEXT NOT NULL,
    display_name TEXT,
    meta_json    TEXT NOT NULL DEFAULT '{}',
    fetched_at   INTEGER NOT NULL,
    PRIMARY KEY (provider_id, model_id)
  );

  CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value_json TEXT NOT NULL
  );
  `,
  /* 2: providers become presets (the old `kind` column holds the preset id) with per-preset options */ `
  ALTER TABLE providers RENAME COLUMN kind TO preset;
  UPDATE providers SET preset = 'custom' WHERE preset = 'openai-compatible';
  ALTER TABLE providers ADD COLUMN options_json TEXT NOT NULL DEFAULT '{}';
  `,
  /* 3: where a conversation was started: the main window or the quick-ask window */ `
  ALTER TABLE conversations ADD COLUMN source TEXT NOT NULL DEFAULT 'chat' CHECK (source IN ('chat', 'quick-ask'));
  `
]
