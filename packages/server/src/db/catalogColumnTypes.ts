/**
 * Workaround for @prisma/adapter-pg 6.19 not knowing two column types of the PostgreSQL system
 * catalogs, which Prisma's JS schema engine reads on every migrate/diff/push:
 *
 * - `name` (OID 19): the adapter rejects it ("Column type 'name' could not be deserialized",
 *   prisma issue 27403). Its values are plain strings, so we report it as text.
 * - `"char"` (OID 18): also rejected. Reporting it as text is not enough: on PostgreSQL 18 the
 *   engine then crashes ("RuntimeError: unreachable") because it expects a character value, so the
 *   result set must carry ColumnType Character.
 *
 * The adapter derives column types from pg's field OIDs, and nothing in it can yield Character for
 * a scalar, so the fix has two halves: a pg Client that rewrites those OIDs to text before the
 * adapter sees them (remembering which columns were "char", keyed by the rows array, which the
 * adapter passes through untouched), and a result-set rewrite after the adapter that marks those
 * columns Character.
 */
import { ColumnTypeEnum, type SqlResultSet } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const CHAR_OID = 18;
const NAME_OID = 19;
const TEXT_OID = 25;

/** Keyed by the rows array so concurrent queries cannot mix up each other's columns. */
const characterColumnsByRows = new WeakMap<unknown[], number[]>();

function reportCatalogTypesAsText(result: pg.QueryResult): void {
  const characterColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === NAME_OID) {
      field.dataTypeID = TEXT_OID;
    } else if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      characterColumns.push(index);
    }
  });
  if (characterColumns.length > 0) characterColumnsByRows.set(result.rows, characterColumns);
}

function isQueryResult(value: unknown): value is pg.QueryResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as pg.QueryResult).fields);
}

function reportCatalogTypes(result: unknown): void {
  // A multi-statement simple query resolves to one result per statement.
  for (const each of Array.isArray(result) ? result : [result]) {
    if (isQueryResult(each)) reportCatalogTypesAsText(each);
  }
}

type QueryCallback = (error: Error | null, result?: unknown) => void;

/** A pg Client whose query results never carry the OIDs the adapter rejects. */
export class CatalogTypesClient extends pg.Client {
  // pg.Client.query has a dozen overloads (promise, callback, submittable); this forwards all of
  // them, so only the loosest signature describes it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  override query(...args: any[]): any {
    const [config, values, callback] = args as [unknown, unknown, unknown];
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
      return super.query(...(args as Parameters<pg.Client['query']>));
    }
    const done = (typeof values === 'function' ? values : callback) as QueryCallback | undefined;
    const queryValues = typeof values === 'function' ? undefined : values;
    const result = (super.query(config as pg.QueryConfig, queryValues as unknown[]) as Promise<unknown>).then(
      (queryResult) => {
        reportCatalogTypes(queryResult);
        return queryResult;
      },
    );
    if (!done) return result;
    result.then(
      (queryResult) => done(null, queryResult),
      (error: Error) => done(error),
    );
    return undefined;
  }
}

/** Marks the columns that CatalogTypesClient saw as "char" with ColumnType Character. */
export function restoreCharacterColumns(resultSet: SqlResultSet): SqlResultSet {
  const characterColumns = characterColumnsByRows.get(resultSet.rows);
  if (!characterColumns) return resultSet;
  const columnTypes = [...resultSet.columnTypes];
  for (const index of characterColumns) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...resultSet, columnTypes };
}
