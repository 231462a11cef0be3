// Full-text search over published posts and comments, in the relay's database: SQLite FTS5 on the
// embedded engine, PostgreSQL full-text (tsvector, GIN) on the scale-out one. Why here, in storage:
// the two engines' full-text dialects have nothing in common, and the relay's logic must never name
// an engine; it sees this interface only (Storage.search). Rows are what the indexer
// (search/search-indexer.ts) derives from the relay's own documents; who may read what is decided
// by the caller, which passes the spaces the asking person may read.
import { sql } from 'kysely';
import type { Db } from './schema.js';
import type { Engine } from './storage.js';

export interface SearchRow {
  itemId: string;
  space: string;
  /** The room the item lives in (a time bucket `space/<id>/<yyyy-mm>`). */
  room: string;
  kind: 'post' | 'comment';
  /** The post itself for a post, the commented post for a comment. */
  post: string;
  title: string;
  body: string;
  authorId: string;
  createdAt: number;
  /** Published and not hidden by a moderator (retracted and hidden items are never found). */
  visible: boolean;
}

export type SearchHit = Omit<SearchRow, 'visible'>;

export interface SearchIndex {
  /** Writes (inserts or replaces) rows. */
  put(rows: readonly SearchRow[]): Promise<void>;
  /** Removes rows by item id. */
  remove(itemIds: readonly string[]): Promise<void>;
  /** Item ids indexed for a room (what the indexer compares a document with). */
  idsIn(room: string): Promise<string[]>;
  /**
   * Visible items of `spaces` that match every word of `text` (each word also as a prefix), best
   * match first, at most `limit`.
   */
  query(text: string, spaces: readonly string[], limit: number): Promise<SearchHit[]>;
}

/** Words of a query: letters and digits only (no operator of either engine's syntax survives), at most 8. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

export function searchIndexFor(engine: Engine, db: Db): SearchIndex {
  return engine === 'sqlite' ? new SqliteSearch(db) : new PostgresSearch(db);
}

type Columns = {
  item_id: string;
  space: string;
  room: string;
  kind: string;
  post: string;
  title: string;
  body: string;
  author_id: string;
  created_at: number;
  visible: number;
};

const toColumns = (r: SearchRow): Columns => ({
  item_id: r.itemId,
  space: r.space,
  room: r.room,
  kind: r.kind,
  post: r.post,
  title: r.title,
  body: r.body,
  author_id: r.authorId,
  created_at: r.createdAt,
  visible: r.visible ? 1 : 0,
});

const toHit = (c: Columns): SearchHit => ({
  itemId: c.item_id,
  space: c.space,
  room: c.room,
  kind: c.kind === 'comment' ? 'comment' : 'post',
  post: c.post,
  title: c.title,
  body: c.body,
  authorId: c.author_id,
  createdAt: Number(c.created_at),
});

abstract class SqlSearch implements SearchIndex {
  constructor(protected readonly db: Db) {}

  async put(rows: readonly SearchRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map(toColumns);
        await this.remove(chunk.map((c) => c.item_id), tx);
        await sql`INSERT INTO search_items (item_id, space, room, kind, post, title, body, author_id, created_at, visible) VALUES ${sql.join(
          chunk.map((c) => sql`(${c.item_id}, ${c.space}, ${c.room}, ${c.kind}, ${c.post}, ${c.title}, ${c.body}, ${c.author_id}, ${c.created_at}, ${c.visible})`),
        )}`.execute(tx);
        await this.afterInsert(chunk.map((c) => c.item_id), tx);
      }
    });
  }

  async remove(itemIds: readonly string[], db: Db = this.db): Promise<void> {
    for (let i = 0; i < itemIds.length; i += 500) {
      const chunk = itemIds.slice(i, i + 500);
      await this.beforeDelete(chunk, db);
      await sql`DELETE FROM search_items WHERE item_id IN (${sql.join(chunk)})`.execute(db);
    }
  }

  async idsIn(room: string): Promise<string[]> {
    const rows = await sql<{ item_id: string }>`SELECT item_id FROM search_items WHERE room = ${room}`.execute(this.db);
    return rows.rows.map((r) => r.item_id);
  }

  abstract query(text: string, spaces: readonly string[], limit: number): Promise<SearchHit[]>;
  protected abstract afterInsert(itemIds: readonly string[], db: Db): Promise<void>;
  protected abstract beforeDelete(itemIds: readonly string[], db: Db): Promise<void>;
}

/** FTS5 table `search_fts` (rowid = search_items.id, an explicit key so VACUUM keeps it), kept in step by the two hooks. */
class SqliteSearch extends SqlSearch {
  async query(text: string, spaces: readonly string[], limit: number): Promise<SearchHit[]> {
    const words = queryWords(text);
    if (words.length === 0 || spaces.length === 0) return [];
    const match = words.map((w) => `"${w}"*`).join(' ');
    const rows = await sql<Columns>`SELECT s.* FROM search_fts f JOIN search_items s ON s.id = f.rowid
      WHERE search_fts MATCH ${match} AND s.visible = 1 AND s.space IN (${sql.join([...spaces])})
      ORDER BY f.rank, s.created_at DESC LIMIT ${limit}`.execute(this.db);
    return rows.rows.map(toHit);
  }

  protected async afterInsert(itemIds: readonly string[], db: Db): Promise<void> {
    await sql`INSERT INTO search_fts (rowid, title, body) SELECT id, title, body FROM search_items WHERE item_id IN (${sql.join([...itemIds])})`.execute(db);
  }

  protected async beforeDelete(itemIds: readonly string[], db: Db): Promise<void> {
    await sql`DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_items WHERE item_id IN (${sql.join([...itemIds])}))`.execute(db);
  }
}

/** A GIN index on the 'simple' text search configuration (no stemming: names and codes stay as typed). */
class PostgresSearch extends SqlSearch {
  async query(text: string, spaces: readonly string[], limit: number): Promise<SearchHit[]> {
    const words = queryWords(text);
    if (words.length === 0 || spaces.length === 0) return [];
    const tsquery = words.map((w) => `${w}:*`).join(' & ');
    const rows = await sql<Columns>`SELECT item_id, space, room, kind, post, title, body, author_id, created_at, visible FROM search_items
      WHERE to_tsvector('simple', title || ' ' || body) @@ to_tsquery('simple', ${tsquery}) AND visible = 1 AND space IN (${sql.join([...spaces])})
      ORDER BY ts_rank(to_tsvector('simple', title || ' ' || body), to_tsquery('simple', ${tsquery})) DESC, created_at DESC LIMIT ${limit}`.execute(this.db);
    return rows.rows.map(toHit);
  }

  protected afterInsert(): Promise<void> {
    return Promise.resolve();
  }

  protected beforeDelete(): Promise<void> {
    return Promise.resolve();
  }
}
