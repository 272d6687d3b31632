/**
 * Matching commands (issue 5 §7): `match`, `queue`, `assign POSTING ORDER[:AMOUNT]...`, `unassign ASSIGNMENT`,
 * `ignore POSTING`, `assignments`, and `search` (open orders by number, name, amount: issue 5 §5). JSON output (global --json) is a public interface: camelCase, stable field
 * names (README "Matching").
 */
import type { Command } from 'commander';
import {
  RETURN_UNDO_REASON,
  type AssignmentView,
  type OrderSummary,
  type QueueItem,
} from '#shared/api/queue.ts';
import { NotFoundError, ValidationError } from '#core/errors.ts';
import { parseTypedAmount } from '#core/typed-amount.ts';
import { postings } from '#core/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { type Io, formatFor, printJson, withCore } from '../context.ts';
import { DEALER_UNDO_REASON, type CliFormat } from '../i18n.ts';
import {
  ordersBefore,
  type ManualAssignWarning,
  type OrderBefore,
} from '#core/orders/manual-assign-checks.ts';
import type { Core } from '#core/index.ts';
import { parseId, parseLimit } from '../parsers.ts';

function describeQueueItem(item: QueueItem, f: CliFormat): string {
  const p = item.posting;
  const head = `#${p.id} ${f.date(p.bookingDate ?? '----------').padEnd(12)} ${f.money(p.openMinor, p.currency).padStart(14)}  ${p.counterpartyName ?? '?'}  "${(p.remittance ?? '').replace(/\s+/g, ' ').slice(0, 60)}"`;
  const band = f.t.queue.band[item.band] ?? item.band;
  const reasons = item.reasons.map((r) => f.queueReason(r)).join(', ');
  const why = item.reasons.length ? `   ${band} (${reasons})` : `   ${band}`;
  const cands = item.candidates.slice(0, 3).map((c) => {
    const orders = c.orders
      .map(
        (o) =>
          `${o.number} (${o.customerName ?? o.company ?? '?'}, ${f.t.queue.open} ${f.money(o.openMinor, o.currency)}, id:${o.id})`,
      )
      .join(' + ');
    return `   ${f.score(c.score)} ${c.pass.padEnd(9)} ${orders}\n      ${c.signals.map((s) => f.signal(s)).join('; ')}`;
  });
  return [head, why, ...cands].join('\n');
}

function describeOrder(o: OrderSummary, f: CliFormat): string {
  const who = [o.customerName, o.company].filter(Boolean).join(' / ') || '?';
  const amounts = f.t.order(
    f.money(o.openMinor, o.currency).padStart(13),
    f.money(o.totalMinor, o.currency).padStart(13),
  );
  return `${`id:${o.id}`.padEnd(9)} ${o.shop.padEnd(14)} ${o.number.padEnd(12)} ${f.date(o.createdAt.slice(0, 10)).padEnd(12)} ${amounts} ${f.status(o.status).padEnd(20)} ${who}`;
}

/**
 * `ORDER[:AMOUNT]`: ORDER an order id, `id:N` (always the id) or an order number, resolved as for
 * `assignments --order` (resolveOrderFilter: digits that are one order's id and another's number are refused).
 * The amount follows the last colon ("id:4:12,50", "WC:5001:10").
 */
export function splitOrderSpec(spec: string): { ref: string; amountText: string | undefined } {
  const byId = /^(id:\d+)(?::(.*))?$/i.exec(spec);
  if (byId) return { ref: byId[1] ?? spec, amountText: byId[2] };
  const at = spec.lastIndexOf(':');
  return at > 0
    ? { ref: spec.slice(0, at), amountText: spec.slice(at + 1) }
    : { ref: spec, amountText: undefined };
}

function describeAssignment(a: AssignmentView, f: CliFormat): string {
  const t = f.t.assignment;
  const state = a.undoneAt ? t.undone(f.instant(a.undoneAt), f.undoReason(a.undoReason ?? '')) : '';
  const method = t.method[a.method] ?? a.method;
  // A manual assignment's pass is `manual` too: "manual/manual" says nothing.
  const pass = a.pass && a.pass !== a.method ? `/${a.pass}` : '';
  return `${t.line(a.id, a.postingId, a.shop, a.orderNumber, a.orderId, f.money(a.amountMinor, a.currency))} ${method}${pass}${a.score !== null ? ` ${f.score(a.score)}` : ''}${state}`;
}

/**
 * A manual assignment's warnings (core/orders/manual-assign-checks.ts) in the user's language, by their code, from
 * the orders as they were before and the assignments made; a code without a translation keeps its message.
 */
function describeAssignWarning(
  w: ManualAssignWarning,
  before: Map<number, OrderBefore>,
  created: readonly AssignmentView[],
  f: CliFormat,
): string {
  const o = before.get(w.orderId);
  const mine = created.filter((a) => a.orderId === w.orderId);
  const texts = f.t.assignment.warnings;
  let text = w.message;
  if (o && mine.length > 0) {
    const money = (minor: number) => f.money(minor, o.currency);
    const assigned = mine.reduce((sum, a) => sum + a.amountMinor, 0);
    const open = Math.max(0, o.totalMinor - o.paidMinor);
    const undo = mine.map((a) => a.id).join(' / ');
    if (w.code === 'ASSIGN_ORDER_ALREADY_PAID')
      text = texts.ASSIGN_ORDER_ALREADY_PAID(o.number, money(assigned), undo);
    else if (w.code === 'ASSIGN_ORDER_NOT_AWAITING_PAYMENT')
      text = texts.ASSIGN_ORDER_NOT_AWAITING_PAYMENT(o.number, f.status(o.status), undo);
    else if (w.code === 'ASSIGN_MORE_THAN_OPEN')
      text = texts.ASSIGN_MORE_THAN_OPEN(
        o.number,
        money(open),
        money(assigned),
        money(assigned - open),
        undo,
      );
  }
  return f.t.imported.warning(w.code, text).trimStart();
}

/** The posting's currency; an unknown id is refused with POSTING_NOT_FOUND. */
function postingCurrency(core: Core, postingId: number): string {
  const posting = core.deps.db
    .select({ currency: postings.currency })
    .from(postings)
    .where(eq(postings.id, postingId))
    .get();
  if (!posting)
    throw new NotFoundError(
      'POSTING_NOT_FOUND',
      `There is no posting with id ${postingId}. See kassenwart postings or kassenwart queue.`,
    );
  return posting.currency;
}

export function registerMatching(program: Command, io: Io): void {
  program
    .command('match')
    .description('run the matcher: assign what is unambiguous, queue the rest with suggestions')
    .action(() =>
      withCore(program, io, (core, options) => {
        const s = core.matching.run();
        if (options.json) printJson(io, s);
        else {
          const f = formatFor(options, io);
          const n = f.count;
          io.stdout(
            `${f.t.match(n(s.auto), n(s.suggested), n(s.none), n(s.returns), n(s.debits), n(s.durationMs))}\n`,
          );
        }
      }),
    );

  program
    .command('queue')
    .description('unassigned postings with their best candidates and the reasons')
    .option('--limit <n>', 'how many postings (1-500)', (v: string) => parseLimit(v, 500), 50)
    .action((cmd: { limit: number }) =>
      withCore(program, io, (core, options) => {
        const page = core.matching.queue({ limit: cmd.limit });
        if (options.json) printJson(io, page);
        else {
          const f = formatFor(options, io);
          io.stdout(
            page.items.length
              ? `${page.items.map((i) => describeQueueItem(i, f)).join('\n')}\n${f.t.queue.waiting(f.counted(page.total))}\n`
              : `${f.t.queue.nothing}\n`,
          );
        }
      }),
    );

  program
    .command('assign')
    .description(
      'assign a posting to one or several orders (ORDER = order id, id:N or order number; AMOUNT like 12,50 or 1000,00)',
    )
    .argument('<posting>', 'posting id', parseId)
    .argument('<orders...>', 'ORDER or ORDER:AMOUNT (ORDER: id, id:N, or number)')
    .option('--note <text>', 'why (kept with the assignment)')
    .action((postingId: number, specs: string[], cmd: { note?: string }) =>
      withCore(program, io, (core, options) => {
        const posting = { currency: postingCurrency(core, postingId) };
        const allocations = specs.map((spec) => {
          const { ref, amountText } = splitOrderSpec(spec);
          if (amountText === '')
            throw new ValidationError(
              'ASSIGN_AMOUNT_INVALID',
              `"${spec}": give an amount after the colon, like ${ref}:12.50.`,
            );
          const amountMinor =
            amountText === undefined ? undefined : parseTypedAmount(amountText, posting.currency);
          return {
            orderId: core.matching.resolveOrderFilter(ref),
            ...(amountMinor !== undefined ? { amountMinor } : {}),
          };
        });
        // The orders as they are before: what a warning says about them (the core's warnings are in English).
        const before = options.json
          ? new Map<number, OrderBefore>()
          : ordersBefore(
              core.deps.db,
              allocations.map((a) => a.orderId),
            );
        const { assignments: created, warnings } = core.matching.assign({
          postingId,
          allocations,
          note: cmd.note,
          actor: 'cli',
        });
        if (options.json) printJson(io, { assignments: created, warnings });
        else {
          const f = formatFor(options, io);
          const lines = [
            ...created.map((a) => describeAssignment(a, f)),
            ...warnings.map((w) => describeAssignWarning(w, before, created, f)),
          ];
          io.stdout(`${lines.join('\n')}\n`);
        }
      }),
    );

  program
    .command('unassign')
    .description('undo an assignment (automatic or manual): order status restored, shop write-back corrected')
    .argument('<assignment>', 'assignment id', parseId)
    .option('--reason <text>', 'why', DEALER_UNDO_REASON)
    .action((assignmentId: number, cmd: { reason: string }) =>
      withCore(program, io, (core, options) => {
        const r = core.matching.undo({ assignmentId, reason: cmd.reason, actor: 'cli' });
        if (options.json) printJson(io, r);
        else {
          const f = formatFor(options, io);
          const transfer = f.t.transfer[r.transfer] ?? '';
          io.stdout(
            `${f.t.undone(describeAssignment(r.assignment, f), f.status(r.orderStatus))}${transfer}\n`,
          );
        }
      }),
    );

  program
    .command('unreturn')
    .description(
      'take back a processed return: the payments it reversed are assigned again, the debit is set aside',
    )
    .argument('<posting>', 'posting id of the return (the debit)', parseId)
    .option('--reason <text>', 'why', RETURN_UNDO_REASON)
    .action((postingId: number, cmd: { reason: string }) =>
      withCore(program, io, (core, options) => {
        const r = core.matching.undoReturn({ postingId, reason: cmd.reason, actor: 'cli' });
        if (options.json) printJson(io, r);
        else {
          const f = formatFor(options, io);
          io.stdout(
            `${f.t.returnUndone(r.postingId, r.assignments.map((a) => describeAssignment(a, f)).join('\n'))}\n`,
          );
        }
      }),
    );

  program
    .command('ignore')
    .description('mark a posting "not an order payment" (or take that back with --undo)')
    .argument('<posting>', 'posting id', parseId)
    .option('--undo', 'put the posting back into the queue')
    .option('--note <text>', 'why')
    .action((postingId: number, cmd: { undo?: boolean; note?: string }) =>
      withCore(program, io, (core, options) => {
        const r = core.matching.ignore({ postingId, undo: cmd.undo === true, note: cmd.note, actor: 'cli' });
        if (options.json) printJson(io, r);
        else {
          const f = formatFor(options, io);
          io.stdout(`${f.t.ignored(r.postingId, f.postingState(r.matchState))}\n`);
        }
      }),
    );

  program
    .command('search')
    .description('search open orders by order/invoice number, payment reference, name, e-mail or amount')
    .argument('[query]', 'a number, reference, name or e-mail (or a part of it)')
    .option('--amount <amount>', 'the total or open amount, like 49.90 or 49,90')
    .option('--currency <code>', 'currency of --amount', 'EUR')
    .option('--all', 'also orders no longer awaiting payment (paid, cancelled, ...)')
    .option('--limit <n>', 'how many (1-200)', (v: string) => parseLimit(v, 200), 20)
    .action(
      (
        query: string | undefined,
        cmd: { amount?: string; currency: string; all?: boolean; limit: number },
      ) => {
        // A bad amount is refused before the database is opened.
        const amountMinor =
          cmd.amount === undefined ? undefined : parseTypedAmount(cmd.amount, cmd.currency.toUpperCase());
        return withCore(program, io, (core, options) => {
          const items = core.matching.searchOrders({
            query,
            amountMinor,
            includeClosed: cmd.all === true,
            limit: cmd.limit,
          });
          if (options.json) printJson(io, { items });
          else {
            const f = formatFor(options, io);
            io.stdout(
              items.length
                ? `${items.map((o) => describeOrder(o, f)).join('\n')}\n`
                : `${f.t.noOrdersFound}\n`,
            );
          }
        });
      },
    );

  program
    .command('assignments')
    .description('assignments, newest first (automatic and manual)')
    .option('--all', 'include undone assignments')
    .option('--posting <id>', 'only this posting', parseId)
    .option('--order <order>', 'only this order: its id (as orders shows it), id:N, or an order number')
    .option('--limit <n>', 'how many (1-500)', (v: string) => parseLimit(v, 500), 100)
    .action((cmd: { all?: boolean; posting?: number; order?: string; limit: number }) =>
      withCore(program, io, (core, options) => {
        if (cmd.posting !== undefined) postingCurrency(core, cmd.posting); // an unknown id is an error
        const items = core.matching.assignments({
          includeUndone: cmd.all === true,
          limit: cmd.limit,
          ...(cmd.posting !== undefined ? { postingId: cmd.posting } : {}),
          ...(cmd.order !== undefined ? { orderId: core.matching.resolveOrderFilter(cmd.order) } : {}),
        });
        if (options.json) printJson(io, { items });
        else {
          const f = formatFor(options, io);
          io.stdout(
            items.length
              ? `${items.map((a) => describeAssignment(a, f)).join('\n')}\n`
              : `${f.t.assignment.none}\n`,
          );
        }
      }),
    );
}
