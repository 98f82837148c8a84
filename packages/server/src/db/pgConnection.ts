/**
 * PostgreSQL connection settings as separate fields.
 *
 * We keep them apart rather than passing a connection string to pg because pg lets a
 * `connectionString` override any field set beside it: Prisma's adapter creates its shadow database
 * by spreading `{ ...config, database }`, which silently kept pointing at the main database when
 * the config held a connection string.
 */
export interface PgConnectionOptions {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  /** From `sslmode`: false = plain TCP; 'no-verify' = TLS without certificate checks; true = TLS, verified. */
  ssl?: boolean | 'no-verify';
}

const DEFAULT_PORT = 5432;

/** Parses `postgresql://user:password@host:port/database[?sslmode=…]`. */
export function parseDatabaseUrl(databaseUrl: string): PgConnectionOptions {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${url.protocol}//)`);
  }
  const user = decodeURIComponent(url.username);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname || !user || !database) {
    throw new Error('DATABASE_URL must name a host, a user and a database');
  }
  const options: PgConnectionOptions = {
    // URL keeps the brackets of an IPv6 literal; pg wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : DEFAULT_PORT,
    user,
    database,
  };
  if (url.password) options.password = decodeURIComponent(url.password);
  for (const [name, value] of url.searchParams) {
    if (name !== 'sslmode') {
      // Silently ignoring e.g. ?schema= would put the tables somewhere the operator did not ask for.
      throw new Error(`DATABASE_URL parameter "${name}" is not supported (only sslmode is)`);
    }
    options.ssl = parseSslMode(value);
  }
  return options;
}

function parseSslMode(mode: string): boolean | 'no-verify' {
  switch (mode) {
    case 'disable':
      return false;
    case 'require':
      return 'no-verify';
    case 'verify-full':
      return true;
    default:
      throw new Error(`DATABASE_URL sslmode "${mode}" is not supported (use disable, require or verify-full)`);
  }
}

/** The inverse of parseDatabaseUrl, for handing a connection to other tools (e.g. the Prisma CLI). */
export function formatDatabaseUrl(options: PgConnectionOptions): string {
  const url = new URL('postgresql://localhost');
  url.hostname = options.host.includes(':') ? `[${options.host}]` : options.host;
  url.port = String(options.port);
  url.username = encodeURIComponent(options.user);
  if (options.password !== undefined) url.password = encodeURIComponent(options.password);
  url.pathname = `/${encodeURIComponent(options.database)}`;
  if (options.ssl !== undefined) url.searchParams.set('sslmode', formatSslMode(options.ssl));
  return url.toString();
}

function formatSslMode(ssl: boolean | 'no-verify'): string {
  if (ssl === 'no-verify') return 'require';
  return ssl ? 'verify-full' : 'disable';
}

/** Settings for a pg Client or Pool. */
export function toPgClientConfig(options: PgConnectionOptions) {
  return {
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
    ssl: options.ssl === 'no-verify' ? { rejectUnauthorized: false } : options.ssl,
  };
}

/** Double-quotes an identifier (database name) for SQL that cannot take it as a parameter. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
