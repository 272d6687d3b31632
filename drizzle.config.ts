import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; it never connects to the (encrypted) database.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/core/db/schema/index.ts',
  out: './src/core/db/migrations',
});
