import { integer, text } from 'drizzle-orm/sqlite-core';

/** Instants are UTC ISO strings (design §3.2); set by the application from the injected clock. */
export const instant = (name: string) => text(name);
export const id = () => integer('id').primaryKey({ autoIncrement: true });
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
export const bool = (name: string) => integer(name, { mode: 'boolean' });
