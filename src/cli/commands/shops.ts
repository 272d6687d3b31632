/**
 * Shop and sync commands (issue 4 §9):
 *   kassenwart shop add SYSTEM --name N [--url U] [--file F]
 *       credentials from KASSENWART_SHOP_KEY / KASSENWART_SHOP_SECRET / KASSENWART_SHOP_TOKEN, else a prompt
 *   kassenwart shop list | show NAME | mapping NAME [changes] | update NAME [--url U] [--file F] [--credentials] [--force]
 *   kassenwart shop remove NAME [--yes]   asks first in a terminal; without one (or with --json) needs --yes
 *   kassenwart sync [--shop N] [--full]
 *   kassenwart orders [--status S] [--shop N] [--json]
 *   kassenwart run            schedulers (and the bank watch folder) until SIGINT/SIGTERM
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  ORDER_STATUSES,
  PAYMENT_CODES,
  SHOP_SYSTEMS,
  type OrderStatus,
  type PaymentCode,
  type ShopSystem,
} from '#shared/domain.ts';
import type { ShopMapping } from '#core/shops/connector.ts';
import type { CredentialName, ShopCredentials } from '#core/shops/connector-factory.ts';
import { KassenwartError, ValidationError } from '#core/errors.ts';
import type { Core } from '#core/index.ts';
import {
  type GlobalOptions,
  type Io,
  askLine,
  formatFor,
  openCore,
  printJson,
  promptPassphrase,
  withCore,
} from '../context.ts';
import type { CliFormat } from '../i18n.ts';

/** A refused run for want of a confirmation is a usage error (exit 2, main.ts EXIT_USAGE). */
const EXIT_CONFIRMATION = 2;

const CREDENTIAL_ENV: Record<CredentialName, string> = {
  key: 'KASSENWART_SHOP_KEY',
  secret: 'KASSENWART_SHOP_SECRET',
  token: 'KASSENWART_SHOP_TOKEN',
};

async function readCredentials(system: ShopSystem, io: Io): Promise<ShopCredentials> {
  const credentials: ShopCredentials = {};
  const { connectorFactory } = await import('#core/shops/registry.ts');
  const fields = connectorFactory(system).credentialFields;
  for (const field of fields) {
    const fromEnv = io.env[CREDENTIAL_ENV[field.name]];
    if (fromEnv) credentials[field.name] = fromEnv;
  }
  // Prompt (without echo) for what the environment did not give: required fields always, optional ones
  // (e.g. Shopify: a token, or client ID and secret) only when nothing was given at all; empty answers skip.
  const nothingGiven = Object.keys(credentials).length === 0;
  for (const field of fields) {
    if (!io.isTty || credentials[field.name] || (field.optional && !nothingGiven)) continue;
    const answer = await promptPassphrase(`${field.label}: `);
    if (answer) credentials[field.name] = answer;
  }
  return credentials;
}

/** `CODE=a,b` for --payment/--open, `CODE=status` for --paid. */
function perCodeOption(value: string, previous: [PaymentCode, string][] = []): [PaymentCode, string][] {
  const m = /^([a-z]+)=(.*)$/.exec(value);
  if (!m || !(PAYMENT_CODES as readonly string[]).includes(m[1] ?? '')) {
    throw new InvalidArgumentError(`expected CODE=value with CODE one of ${PAYMENT_CODES.join(', ')}`);
  }
  return [...previous, [m[1] as PaymentCode, m[2] ?? '']];
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

type MappingOptions = {
  payment?: [PaymentCode, string][];
  open?: [PaymentCode, string][];
  paid?: [PaymentCode, string][];
  cancelled?: string;
  overdue?: string;
  debtCollection?: string;
  orderNumberPattern?: string;
  sendPaymentInfo?: 'on' | 'off';
  fromFile?: string;
};

/**
 * The mapping fields in `--from-file`, read before the database is opened; the fields themselves are checked by the
 * core (SHOP_MAPPING_INVALID). Errors name the file and say what to do.
 */
export function readMappingFile(file: string): Partial<ShopMapping> {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ValidationError(
        'FILE_NOT_FOUND',
        `The mapping file ${path} does not exist. Check the path, or write the current mapping into a file first: kassenwart --json shop mapping NAME > mapping.json.`,
      );
    throw new ValidationError(
      'FILE_UNREADABLE',
      `The mapping file ${path} cannot be read (${code ?? (error as Error).message}). Check that it is a file you may read.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ValidationError(
      'MAPPING_FILE_NOT_JSON',
      `The mapping file ${path} is not valid JSON (${(error as Error).message}). Write one JSON object in the shape of "kassenwart --json shop mapping NAME", e.g. {"cancelledStatuses": ["cancelled"]}.`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ValidationError(
      'MAPPING_FILE_NOT_JSON',
      `The mapping file ${path} holds no JSON object. Write one JSON object in the shape of "kassenwart --json shop mapping NAME", e.g. {"cancelledStatuses": ["cancelled"]}.`,
    );
  return json;
}

function mappingPatch(
  current: ShopMapping,
  o: MappingOptions,
  fromFile: Partial<ShopMapping> | undefined,
): Partial<ShopMapping> {
  const patch: Partial<ShopMapping> = { ...fromFile };
  if (o.payment)
    patch.paymentMethods = {
      ...current.paymentMethods,
      ...Object.fromEntries(o.payment.map(([c, v]) => [c, list(v)])),
    };
  if (o.open)
    patch.openStatuses = {
      ...current.openStatuses,
      ...Object.fromEntries(o.open.map(([c, v]) => [c, list(v)])),
    };
  if (o.paid) patch.paidStatus = { ...current.paidStatus, ...Object.fromEntries(o.paid) };
  if (o.cancelled !== undefined) patch.cancelledStatuses = list(o.cancelled);
  if (o.overdue !== undefined) patch.overdueStatus = o.overdue;
  if (o.debtCollection !== undefined) patch.debtCollectionStatus = o.debtCollection;
  if (o.orderNumberPattern !== undefined) patch.orderNumberPattern = o.orderNumberPattern;
  if (o.sendPaymentInfo) patch.sendPaymentInformation = o.sendPaymentInfo === 'on';
  return patch;
}

function mappingText(m: ShopMapping, f: CliFormat): string {
  const t = f.t.shops;
  const lines = PAYMENT_CODES.map((c) =>
    t.mappingLine(
      c,
      m.paymentMethods[c].join(', ') || '-',
      m.openStatuses[c].join(', ') || '-',
      m.paidStatus[c],
    ),
  );
  lines.push(`  ${t.cancelled.padEnd(11)} ${m.cancelledStatuses.join(', ') || '-'}`);
  if (m.overdueStatus) lines.push(`  ${t.overdue.padEnd(11)} ${m.overdueStatus}`);
  if (m.debtCollectionStatus) lines.push(`  ${t.collection.padEnd(11)} ${m.debtCollectionStatus}`);
  if (m.orderNumberPattern) lines.push(`  ${t.orderNumber.padEnd(11)} /${m.orderNumberPattern}/`);
  lines.push(t.paymentInformation(m.sendPaymentInformation));
  return lines.join('\n');
}

/** The shop's mapping; damaged settings are refused with the advice how to repair them. */
function showMapping(core: Core, name: string): ShopMapping {
  try {
    return core.shops.getMapping(name);
  } catch (error) {
    if (!(error instanceof KassenwartError && error.code === 'SHOP_SETTINGS_INVALID')) throw error;
    throw new KassenwartError(
      error.code,
      `${error.message} Any change starts again from the default mapping of the shop's system plus what is still valid, e.g. kassenwart shop mapping "${name}" --send-payment-info on.`,
    );
  }
}

/** Applies the options; damaged settings (SHOP_SETTINGS_INVALID says "set the mapping again") are repaired by it. */
function changeMapping(
  core: Core,
  name: string,
  o: MappingOptions,
  fromFile: Partial<ShopMapping> | undefined,
): ShopMapping {
  return core.shops.setMapping(name, (current) => mappingPatch(current, o, fromFile));
}

export function registerShops(program: Command, io: Io): void {
  registerShopCommands(program, io);
  registerSyncCommands(program, io);
  registerRun(program, io);
}

function registerShopCommands(program: Command, io: Io): void {
  const shop = program
    .command('shop')
    .description('connected shops: add, list, show, test, schedule, mapping, update, remove');

  shop
    .command('add')
    .description(
      'connect a shop (credentials from KASSENWART_SHOP_KEY/SECRET/TOKEN or a prompt; stored in the key store)',
    )
    .argument('<system>', `one of ${SHOP_SYSTEMS.join(', ')}`, (v: string) => {
      if (!(SHOP_SYSTEMS as readonly string[]).includes(v))
        throw new InvalidArgumentError(`choose one of ${SHOP_SYSTEMS.join(', ')}`);
      return v as ShopSystem;
    })
    .requiredOption('--name <name>', 'a name for the shop')
    .option('--url <url>', 'shop address (https://…)')
    .option('--file <path>', 'orders file or folder (CSV shop)')
    .action(async (system: ShopSystem, o: { name: string; url?: string; file?: string }) => {
      const credentials = await readCredentials(system, io);
      await withCore(program, io, async (core, options) => {
        const added = await core.shops.add({
          system,
          name: o.name,
          url: o.url,
          filePath: o.file ? resolve(o.file) : undefined,
          credentials,
        });
        if (options.json) printJson(io, added);
        else {
          const f = formatFor(options, io);
          io.stdout(
            `${f.t.shops.added(added.system, added.name, f.instant(added.connectedAt))}\n${mappingText(added.mapping, f)}\n`,
          );
        }
      });
    });

  shop
    .command('list')
    .description('connected shops')
    .action(() =>
      withCore(program, io, (core, options) => {
        const shops = core.shops.list();
        if (options.json) return printJson(io, shops);
        const f = formatFor(options, io);
        const t = f.t.shops;
        if (shops.length === 0) return io.stdout(`${t.none}\n`);
        for (const s of shops)
          io.stdout(
            `${s.name.padEnd(24)} ${s.system.padEnd(12)} ${s.url ?? s.filePath ?? ''}  ${t.connected(f.instant(s.connectedAt))}\n`,
          );
      }),
    );

  shop
    .command('show')
    .argument('<name>', 'shop name or id')
    .description('one shop: mapping, schedule, sync state and recent runs')
    .action((name: string) =>
      withCore(program, io, (core, options) => {
        const s = core.shops.show(name);
        const sync = (['new', 'poll', 'full'] as const).map((kind) => ({
          kind,
          ...core.shops.sync.state(s.id, kind),
        }));
        const runs = core.shops.sync.runs({ shop: s.id, limit: 5 });
        if (options.json) {
          return printJson(io, {
            ...s,
            syncState: sync.map((x) => ({
              kind: x.kind,
              highWaterMark: x.highWaterMark ?? null,
              lastRunAt: x.lastRunAt ?? null,
              lastSuccessAt: x.lastSuccessAt ?? null,
            })),
            recentRuns: runs,
          });
        }
        const f = formatFor(options, io);
        const t = f.t.shops;
        const n = f.count;
        io.stdout(
          `${s.name} (${s.system}) ${s.url ?? s.filePath ?? ''}\n${t.connected(f.instant(s.connectedAt))}\n${t.mapping}:\n${mappingText(s.mapping, f)}\n`,
        );
        const fast = s.schedule.fastPolling ? t.every(n(s.schedule.fastPollMinutes)) : t.off;
        io.stdout(`${t.schedule(n(s.schedule.newOrdersMinutes), fast, n(s.schedule.fullComparisonHours))}\n`);
        for (const r of runs) {
          const line = t.run(
            r.startedAt,
            r.kind,
            r.state,
            n(r.ordersSeen),
            n(r.ordersNew),
            n(r.ordersChanged),
            n(r.ordersRemoved),
            f.counted(r.requests),
          );
          io.stdout(`${line}${r.error ? ` – ${r.error.message} (${r.error.code})` : ''}\n`);
        }
      }),
    );

  shop
    .command('mapping')
    .argument('<name>', 'shop name or id')
    .description('show or change the mapping of payment methods and statuses')
    .option(
      '--payment <CODE=methods>',
      'shop payment methods for a code, e.g. prepayment=bacs,cheque (repeatable)',
      perCodeOption,
    )
    .option(
      '--open <CODE=statuses>',
      'open shop statuses for a code, e.g. prepayment=on-hold,pending (repeatable)',
      perCodeOption,
    )
    .option(
      '--paid <CODE=status>',
      'status written back when paid, e.g. invoice=completed (repeatable)',
      perCodeOption,
    )
    .option('--cancelled <statuses>', 'shop statuses meaning cancelled (comma list, may be empty)')
    .option('--overdue <status>', 'shop status for overdue orders')
    .option('--debt-collection <status>', 'shop status for orders in debt collection')
    .option(
      '--order-number-pattern <regex>',
      "regular expression of the shop's order numbers (for the matcher)",
    )
    .addOption(
      new Option(
        '--send-payment-info <on|off>',
        'payment information for this shop (not sent yet: for now it only decides how often the shop is polled)',
      ).choices(['on', 'off']),
    )
    .option('--from-file <json>', 'replace mapping fields from a JSON file (same shape as --json output)')
    .action((name: string, o: MappingOptions) => {
      const fromFile = o.fromFile === undefined ? undefined : readMappingFile(o.fromFile);
      return withCore(program, io, (core, options) => {
        const changes = Object.values(o).some((v) => v !== undefined);
        const mapping = changes ? changeMapping(core, name, o, fromFile) : showMapping(core, name);
        if (options.json) printJson(io, mapping);
        else {
          const f = formatFor(options, io);
          io.stdout(`${f.t.shops.mappingSaved(changes, name)}\n${mappingText(mapping, f)}\n`);
        }
      });
    });

  const positive = (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number');
    return n;
  };
  shop
    .command('schedule')
    .argument('<name>', 'shop name or id')
    .description('show or change how often the shop is synchronised')
    .option('--new-orders-minutes <n>', 'new/changed orders every n minutes (default 30)', positive)
    .option(
      '--fast-poll-minutes <n>',
      'instead every n minutes where the shop cannot push and payment information is on (default 3)',
      positive,
    )
    .addOption(
      new Option('--fast-polling <on|off>', 'fast polling (loads the shop more)').choices(['on', 'off']),
    )
    .option('--full-hours <h>', 'full comparison of all open orders every h hours (default 12)', positive)
    .action(
      (
        name: string,
        o: {
          newOrdersMinutes?: number;
          fastPollMinutes?: number;
          fastPolling?: 'on' | 'off';
          fullHours?: number;
        },
      ) =>
        withCore(program, io, (core, options) => {
          const patch = {
            ...(o.newOrdersMinutes !== undefined ? { newOrdersMinutes: Math.round(o.newOrdersMinutes) } : {}),
            ...(o.fastPollMinutes !== undefined ? { fastPollMinutes: Math.round(o.fastPollMinutes) } : {}),
            ...(o.fastPolling ? { fastPolling: o.fastPolling === 'on' } : {}),
            ...(o.fullHours !== undefined ? { fullComparisonHours: o.fullHours } : {}),
          };
          const schedule = Object.keys(patch).length
            ? core.shops.setSchedule(name, patch)
            : core.shops.show(name).schedule;
          if (options.json) printJson(io, schedule);
          else {
            const f = formatFor(options, io);
            const t = f.t.shops;
            const fast = schedule.fastPolling ? t.every(f.count(schedule.fastPollMinutes)) : t.off;
            io.stdout(
              `${t.scheduleShort(f.count(schedule.newOrdersMinutes), fast, f.count(schedule.fullComparisonHours))}\n`,
            );
          }
        }),
    );

  shop
    .command('test')
    .argument('<name>', 'shop name or id')
    .description('test the connection with the stored credentials (exit 1 if it fails)')
    .action((name: string) =>
      withCore(program, io, async (core, options) => {
        const result = await core.shops.test(name);
        if (options.json) printJson(io, result);
        else if (result.ok) io.stdout(`${formatFor(options, io).t.shops.ok(name)}\n`);
        if (!result.ok) throw new KassenwartError(result.code, result.message);
      }),
    );

  shop
    .command('update')
    .argument('<name>', 'shop name or id')
    .description(
      'change how a shop is reached (address, orders file, credentials); tested first, the shop and its orders stay',
    )
    .option('--url <url>', 'new shop address (https://…)')
    .option('--file <path>', 'new orders file or folder (CSV shop)')
    .option(
      '--credentials',
      'new credentials from KASSENWART_SHOP_KEY/SECRET/TOKEN or a prompt (replace the stored ones)',
    )
    .option(
      '--force',
      'change it even though the shop reached does not look like this one (SHOP_IDENTITY_MISMATCH)',
    )
    .action((name: string, o: { url?: string; file?: string; credentials?: boolean; force?: boolean }) =>
      withCore(program, io, async (core, options) => {
        const credentials = o.credentials
          ? await readCredentials(core.shops.get(name).system, io)
          : undefined;
        const updated = await core.shops.update(name, {
          url: o.url,
          filePath: o.file !== undefined ? resolve(o.file) : undefined,
          credentials,
          force: o.force,
        });
        if (options.json) printJson(io, updated);
        else io.stdout(`${formatFor(options, io).t.shops.updated(updated.name)}\n`);
      }),
    );

  shop
    .command('remove')
    .argument('<name>', 'shop name or id')
    .description(
      'disconnect a shop (asks first; --yes without a terminal or with --json): its credentials are deleted, its orders stay as history only',
    )
    .option('--yes', 'remove without asking')
    .action((name: string, o: { yes?: boolean }) =>
      withCore(program, io, async (core, options) => {
        const t = formatFor(options, io).t.shops;
        const shopName = core.shops.get(name).name; // SHOP_NOT_FOUND before any question
        if (!o.yes) {
          if (options.json || !io.isTty) {
            const message = t.removeNeedsYes(shopName);
            if (!options.json) io.stderr(`kassenwart: ${message}\n`);
            throw new CommanderError(EXIT_CONFIRMATION, 'kassenwart.confirmationRequired', message);
          }
          const answer = await askLine(t.removeAsk(shopName));
          if (!/^(y|yes|j|ja)$/i.test(answer.trim())) {
            io.stdout(`${t.removeKept(shopName)}\n`);
            return;
          }
        }
        const result = core.shops.remove(name);
        if (options.json)
          printJson(io, {
            removed: true,
            // The shop's name, also when it was given by id.
            name: result.name,
            openOrders: result.openOrders,
            cancelledTransfers: result.cancelledTransfers,
          });
        else {
          const f = formatFor(options, io);
          io.stdout(
            `${t.removed(result.name, f.counted(result.openOrders), f.counted(result.cancelledTransfers))}\n`,
          );
        }
      }),
    );
}

function registerSyncCommands(program: Command, io: Io): void {
  program
    .command('sync')
    .description('fetch changed orders from every shop now (exit 1 if a shop failed)')
    .option('--shop <name>', 'only this shop')
    .option('--full', 'also compare all open orders (finds orders deleted in the shop)')
    .action((o: { shop?: string; full?: boolean }) =>
      withCore(program, io, async (core, options) => {
        const results = await core.shops.sync.runAll({ kind: o.full ? 'full' : 'new', shop: o.shop });
        const failures = results.flatMap((r) =>
          r.error
            ? [new KassenwartError(r.error.code, `Sync of "${r.shop}" failed: ${r.error.message}`)]
            : [],
        );
        if (options.json) {
          printJson(io, results);
          if (failures[0]) throw failures[0];
          return;
        }
        const f = formatFor(options, io);
        const t = f.t.shops;
        const n = f.count;
        if (results.length === 0) io.stdout(`${t.noneShort}\n`);
        for (const r of results) {
          if (r.error) {
            io.stdout(`${t.syncFailedSeeBelow(r.shop, r.error.code)}\n`);
            continue;
          }
          io.stdout(
            `${t.synced(r.shop, f.counted(r.ordersSeen), n(r.ordersNew), n(r.ordersChanged), n(r.ordersRemoved), f.counted(r.requests))}\n`,
          );
        }
        // Each failure's message once, on stderr, as main() prints an error: the earlier ones here, the last thrown
        // (exit code 1).
        const last = failures.pop();
        for (const failure of failures) io.stderr(`kassenwart: ${failure.message} (${failure.code})\n`);
        if (last) throw last;
      }),
    );

  program
    .command('orders')
    .description('orders from the shops')
    .addOption(new Option('--status <status>', 'only orders with this status').choices(ORDER_STATUSES))
    .option('--shop <name>', 'only orders of this shop')
    .action((o: { status?: OrderStatus; shop?: string }) =>
      withCore(program, io, (core, options) => {
        const rows = core.shops.listOrders({
          status: o.status,
          shopId: o.shop ? core.shops.get(o.shop).id : undefined,
        });
        if (options.json) return printJson(io, rows);
        const f = formatFor(options, io);
        if (rows.length === 0) return io.stdout(`${f.t.orders.none}\n`);
        for (const r of rows) {
          io.stdout(
            // `id:N` as `search` shows it: what assign and assignments --order take as written.
            `${`id:${r.id}`.padEnd(9)} ${r.shop.padEnd(16)} ${r.number.padEnd(12)} ${f.date(r.createdAt.slice(0, 10)).padEnd(12)} ${f.money(r.totalMinor, r.currency).padStart(14)} ${f.status(r.status).padEnd(20)}${r.managed || r.status === 'not_managed' ? '' : f.t.orders.notManaged} ${r.customerName ?? ''}\n`,
          );
        }
      }),
    );
}

function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('run the sync schedulers (and the bank watch folder, if configured) until Ctrl-C / SIGTERM')
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const { startConfiguredWatchFolder } = await import('#core/bank/watch-folder.ts');
      const { core, logger } = await openCore(options, io);
      const scheduler = core.shops.startScheduler();
      const watcher = startConfiguredWatchFolder(core.bank, logger);
      // Listen for the signals before saying we run: whoever reads that line may stop us at once.
      const stopped = new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      });
      const shops = core.shops.list();
      if (options.json) io.stdout(`${JSON.stringify({ running: true, shops: shops.length })}\n`);
      else {
        const f = formatFor(options, io);
        const t = f.t.shops;
        // Each shop's schedule (or that it is paused), so the dealer sees what will happen without `shop show`.
        const lines = shops.map((s) => {
          const fast = s.schedule.fastPolling ? t.every(f.count(s.schedule.fastPollMinutes)) : t.off;
          const plan = s.enabled
            ? t.scheduleShort(
                f.count(s.schedule.newOrdersMinutes),
                fast,
                f.count(s.schedule.fullComparisonHours),
              )
            : t.paused;
          return `  ${s.name}: ${plan}\n`;
        });
        io.stdout(`${t.running(f.counted(shops.length))}\n${lines.join('')}`);
      }
      await stopped;
      // Stops the cron task and waits for a running job, so the database closes between pages.
      await scheduler.stop();
      await watcher?.stop();
      core.close();
    });
}
