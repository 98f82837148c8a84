/**
 * Prisma CLI configuration (generate, migrate diff/status). It uses the JS schema engine through
 * our patched pg adapter: the native engines are never downloaded (no internet on our machines).
 */
import { defineConfig } from 'prisma/config';
import { createPgAdapterFactory } from './src/db/pgAdapter.js';
import { parseDatabaseUrl } from './src/db/pgConnection.js';

// The schema's datasource reads DATABASE_URL, and without a syntactically valid one the CLI falls
// back to downloading a native engine, even for `prisma generate`, which never connects. So give it
// a placeholder: the local PostgreSQL a developer most likely has.
process.env.DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/postgres';
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => createPgAdapterFactory(parseDatabaseUrl(databaseUrl)),
});
