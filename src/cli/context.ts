/**
 * What every CLI command needs: the database path, unlocking (keyring or passphrase), the core, output.
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Core } from '#core/index.ts';
import { systemClock, type Logger } from '#core/deps.ts';
import { DatabaseError, SecretError } from '#core/errors.ts';
import { databaseProblem } from '#core/db/open.ts';
import { keyFilePathFor, readKeyFile, type KeyMode } from '#core/secrets/key-file.ts';
import { KeyringStore } from '#core/secrets/keyring-store.ts';
import { createStore, openStore, type KeySources, type Store } from '#core/secrets/open-store.ts';
import { defaultDatabasePath } from './paths.ts';
import { cliFormat, resolveCliLocale, type CliFormat } from './i18n.ts';
import { createCliLogger } from './logger.ts';

export type GlobalOptions = { db?: string; json?: boolean; lang?: string };

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTty: boolean;
};

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdin.isTTY && process.stderr.isTTY),
};

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The language, texts and number/date formats for human-readable output (see i18n.ts). */
export function formatFor(options: GlobalOptions, io: Io): CliFormat {
  return cliFormat(resolveCliLocale(options.lang, io.env));
}

export function resolveDbPath(options: GlobalOptions, io: Io): string {
  return resolve(options.db ?? defaultDatabasePath(io.env));
}

/** Asks for a passphrase on the terminal without echoing it. */
export async function promptPassphrase(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolvePrompt) => rl.question('', resolvePrompt));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** Asks a question on the terminal (stderr) and returns the line typed (echoed); end of input (Ctrl-D) is "". */
export async function askLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await new Promise<string>((resolveAnswer) => {
      rl.once('close', () => resolveAnswer(''));
      rl.question(question, resolveAnswer);
    });
  } finally {
    rl.close();
  }
}

async function passphraseSource(
  io: Io,
  confirm: boolean,
  options: GlobalOptions,
): Promise<KeySources['passphrase']> {
  const fromEnv = io.env['KASSENWART_PASSPHRASE'];
  if (fromEnv !== undefined) return () => fromEnv;
  if (!io.isTty) return () => undefined;
  const t = formatFor(options, io).t.passphrase;
  const first = await promptPassphrase(t.ask);
  if (confirm) {
    const second = await promptPassphrase(t.repeat);
    if (first !== second)
      throw new SecretError('PASSPHRASE_MISMATCH', 'The two passphrases differ. Nothing was created.');
  }
  return () => first;
}

/** Key mode for a new database: passphrase when one is given, else the OS keyring, else a prompt. */
export function chooseInitMode(
  io: Io,
  keyringAvailable: () => boolean = () => KeyringStore.available(),
): KeyMode {
  if (io.env['KASSENWART_PASSPHRASE'] !== undefined) return 'passphrase';
  if (keyringAvailable()) return 'keyring';
  if (io.isTty) return 'passphrase';
  throw new SecretError(
    'NO_KEYRING',
    'No OS keyring is available to hold the database key. Set KASSENWART_PASSPHRASE to protect the database with a passphrase instead.',
  );
}

/** File-system errors that mean "this place cannot hold the database" (a missing or read-only folder, /proc, …). */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST']);

function notWritable(error: unknown, dbPath: string): DatabaseError | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || !e.syscall || !e.code || !NOT_WRITABLE.has(e.code)) return undefined;
  return new DatabaseError(
    'DB_PATH_NOT_WRITABLE',
    `Cannot create the database ${dbPath}: ${dirname(dbPath)} is not a folder you can write to (${e.code} on ${e.path ?? e.syscall}). Nothing was created. Choose another place with --db or KASSENWART_DB, e.g. in your home folder.`,
  );
}

/**
 * The database's folder and any missing parents (mode 0700), one at a time: Node's recursive mkdir never returns
 * where the system answers ENOENT for a folder whose parent exists (under /proc), so the error could not be reported.
 */
function makeFolders(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolders(parent);
  mkdirSync(dir, { mode: 0o700 });
}

export async function initStore(dbPath: string, io: Io, options: GlobalOptions = {}): Promise<Store> {
  const mode = chooseInitMode(io);
  try {
    makeFolders(dirname(dbPath));
  } catch (error) {
    throw notWritable(error, dbPath) ?? error;
  }
  const sources: KeySources =
    mode === 'passphrase' ? { passphrase: await passphraseSource(io, true, options) } : {};
  try {
    return createStore(dbPath, mode, sources);
  } catch (error) {
    throw notWritable(error, dbPath) ?? error;
  }
}

export async function unlockStore(dbPath: string, io: Io, options: GlobalOptions = {}): Promise<Store> {
  const file = readKeyFile(keyFilePathFor(dbPath));
  const sources: KeySources =
    file?.mode === 'passphrase' ? { passphrase: await passphraseSource(io, false, options) } : {};
  return openStore(dbPath, sources);
}

export type OpenedCore = { core: Core; store: Store; logger: Logger; dbPath: string };

export async function openCore(options: GlobalOptions, io: Io): Promise<OpenedCore> {
  const dbPath = resolveDbPath(options, io);
  const store = await unlockStore(dbPath, io, options);
  // The core (bank parsers, shop connectors, matcher) is loaded only by commands that use it: not for `--help`,
  // `init`, a usage error or a database that does not open.
  const { createCore } = await import('#core/index.ts');
  const logger = createCliLogger(io.env, io.stdout, options.json ? undefined : formatFor(options, io));
  const core = createCore({ db: store.db, clock: systemClock, logger, secrets: store.secrets });
  return { core, store, logger, dbPath };
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Opens the core for a command, runs `fn` with it and the global options, and always closes it. */
export async function withCore<T>(
  program: Command,
  io: Io,
  fn: (core: Core, options: GlobalOptions) => Promise<T> | T,
): Promise<T> {
  const options = program.opts<GlobalOptions>();
  const { core, dbPath } = await openCore(options, io);
  try {
    return await fn(core, options);
  } catch (error) {
    // A damaged page is only noticed when a command reads it: say so with the path, as at open.
    throw databaseProblem(error, dbPath) ?? error;
  } finally {
    core.close();
  }
}
