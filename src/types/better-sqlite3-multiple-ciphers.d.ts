// The package ships index.d.ts but its "exports" map hides it from TypeScript; its API is better-sqlite3's
// (plus cipher pragmas), so reuse those typings.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export default Database;
}
