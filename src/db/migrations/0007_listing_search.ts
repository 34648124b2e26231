// Indexes for the inventory grid's text search (catalog/text-search.ts) and its ecommerce + price sort.
// PostgreSQL: pg_trgm GIN indexes on exactly the expressions the LIKE filters use, so the planner
// answers `lower(col) like '%term%'` from the index. SQLite: FTS5 tables with the trigram tokenizer
// over the same columns, kept in step by triggers (every write path: API, CSV import, bulk edit,
// cascades), used only to narrow the candidates; the LIKE filters still decide, so results are
// unchanged. Their rowid is the row's implicit rowid. VACUUM keeps it (SQLite renumbers only tables
// without any index; product and variant have their primary key's; test/catalog/search-after-vacuum
// pins it, decision 37). A copy that re-inserts rows (`.dump` without --preserve-rowids) does not:
// after one, run `insert into variant_search(variant_search) values ('rebuild')` (and product_search).
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../raw-sql.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const TRIGRAM_INDEXES = [
  ['product_name_trgm', 'product', 'lower(name)'],
  ['product_handle_trgm', 'product', 'lower(handle)'],
  ['variant_product_name_trgm', 'variant', 'lower(product_name)'],
  ['variant_sku_key_trgm', 'variant', 'sku_key'],
  ['variant_barcode_trgm', 'variant', 'lower(barcode)'],
] as const;

/** FTS5 table, the table it mirrors, and the mirrored columns. */
const SEARCH_TABLES = [
  ['product_search', 'product', ['name', 'handle']],
  ['variant_search', 'variant', ['product_name', 'sku_key', 'barcode']],
] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('variant_account_ecommerce_price').on('variant').columns(['account_id', 'ecommerce', 'price_minor', 'id']).execute();
  if (dialectOf(db) === 'postgres') {
    // pg_trgm ships with PostgreSQL's contrib and is a trusted extension (13+): the database owner may create it.
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const [name, table, expression] of TRIGRAM_INDEXES) {
      await sql.raw(`create index ${name} on ${table} using gin (${expression} gin_trgm_ops)`).execute(db);
    }
    return;
  }
  for (const [search, table, columns] of SEARCH_TABLES) {
    const list = columns.join(', ');
    const values = (prefix: string) => columns.map((column) => `${prefix}.${column}`).join(', ');
    await sql.raw(`create virtual table ${search} using fts5(${list}, content='${table}', content_rowid='rowid', tokenize='trigram')`).execute(db);
    await sql.raw(`create trigger ${search}_insert after insert on ${table} begin
        insert into ${search}(rowid, ${list}) values (new.rowid, ${values('new')});
      end`).execute(db);
    await sql.raw(`create trigger ${search}_delete after delete on ${table} begin
        insert into ${search}(${search}, rowid, ${list}) values ('delete', old.rowid, ${values('old')});
      end`).execute(db);
    // Catalogue writes refresh the derived columns of a product's variants unchanged; skip those.
    const changed = columns.map((column) => `old.${column} is not new.${column}`).join(' or ');
    await sql.raw(`create trigger ${search}_update after update of ${list} on ${table} when ${changed} begin
        insert into ${search}(${search}, rowid, ${list}) values ('delete', old.rowid, ${values('old')});
        insert into ${search}(rowid, ${list}) values (new.rowid, ${values('new')});
      end`).execute(db);
    await sql.raw(`insert into ${search}(${search}) values ('rebuild')`).execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('variant_account_ecommerce_price').execute();
  if (dialectOf(db) === 'postgres') {
    for (const [name] of TRIGRAM_INDEXES) await db.schema.dropIndex(name).execute();
    return;
  }
  for (const [search] of SEARCH_TABLES) {
    for (const suffix of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${search}_${suffix}`).execute(db);
    await sql.raw(`drop table ${search}`).execute(db);
  }
}
