/** One-off statements on a dedicated connection: database creation, existence checks, migrations. */
import pg from 'pg';
import { type PgConnectionOptions, quoteIdentifier, toPgClientConfig } from './pgConnection.js';

/** Runs `work` on a connection of its own (not a pooled one), closed afterwards. */
export async function withPgClient<T>(
  connection: PgConnectionOptions,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client(toPgClientConfig(connection));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a database on the server of `connection`. */
export async function createDatabase(connection: PgConnectionOptions, database: string): Promise<void> {
  await withPgClient(connection, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
}

/**
 * Drops a database on the server of `connection`. FORCE ends sessions still connected to it
 * (e.g. a pool someone forgot to close), which would otherwise make the drop fail and leak it.
 */
export async function dropDatabase(connection: PgConnectionOptions, database: string): Promise<void> {
  await withPgClient(connection, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
  );
}

export async function databaseExists(connection: PgConnectionOptions, database: string): Promise<boolean> {
  const result = await withPgClient(connection, (client) =>
    client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]),
  );
  return result.rowCount === 1;
}
