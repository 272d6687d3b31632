/**
 * Dealer notifications: `notifications [--all] [--limit N] [--offset N]` lists them (unread ones by default,
 * newest first) and `notifications read ID... | --all` marks them read. JSON output (global --json) is a public
 * interface: camelCase, stable field names (README "Notifications"); its titles and texts are English, like the
 * messages of errors. The human-readable list words them in the CLI's language from their kind and params
 * (#shared/notification-texts.ts); ones stored before they had params keep their English text.
 */
import type { Command } from 'commander';
import type { NotificationDto } from '#shared/api/notifications.ts';
import { notificationFormat, notificationText } from '#shared/notification-texts.ts';
import { type Io, formatFor, printJson, withCore } from '../context.ts';
import type { CliFormat } from '../i18n.ts';
import { parseId, parseLimit, parseOffset } from '../parsers.ts';

/** The maximum of notifications.list's limit (src/shared/api/notifications.ts). */
const MAX_LIMIT = 500;

function describe(n: NotificationDto, f: CliFormat): string {
  const t = f.t.notifications;
  const level = t.level[n.level] ?? n.level;
  const read = n.readAt ? t.read(f.instant(n.readAt)) : '';
  const text = notificationText(n, notificationFormat(f.language, f.locale));
  const body = text.body.replace(/\s+/g, ' ').trim();
  return `#${n.id}  ${f.instant(n.createdAt)}  ${level}  ${text.title}${read}\n    ${body}`;
}

export function registerNotifications(program: Command, io: Io): void {
  const notifications = program
    .command('notifications')
    .description(
      'dealer notifications (a "paid" status corrected: do not ship; sync findings), newest first',
    );

  // The default subcommand, so `notifications --all` lists and `notifications read --all` marks: options of the
  // parent command itself would take the --all of `read` (commander parses a parent's options first).
  notifications
    .command('list', { isDefault: true })
    .description('list them, newest first (what `kassenwart notifications` does)')
    .option('--all', 'read ones too (default: unread ones only)')
    .option('--limit <n>', `how many (1-${MAX_LIMIT}, default 50)`, (v: string) => parseLimit(v, MAX_LIMIT))
    .option('--offset <n>', 'skip n (paging)', parseOffset)
    .action((cmd: { all?: boolean; limit?: number; offset?: number }) =>
      withCore(program, io, (core, options) => {
        const limit = cmd.limit ?? 50;
        const offset = cmd.offset ?? 0;
        const page = core.notifications.list({ includeRead: cmd.all === true, limit, offset });
        if (options.json) {
          printJson(io, { ...page, limit, offset });
          return;
        }
        const f = formatFor(options, io);
        const t = f.t.notifications;
        const lines = page.items.map((n) => describe(n, f));
        if (page.items.length > 0 && page.items.length < page.total)
          lines.push(t.more(f.count(offset + 1), f.count(offset + page.items.length), f.count(page.total)));
        if (cmd.all) lines.push(page.total ? t.all(f.counted(page.total), f.count(page.unread)) : t.none);
        else lines.push(page.unread ? t.unread(f.counted(page.unread)) : t.noneUnread);
        io.stdout(`${lines.join('\n')}\n`);
      }),
    );

  notifications
    .command('read')
    .description('mark notifications read: the given ids, or --all unread ones')
    .argument(
      '[ids...]',
      'notification ids (as notifications shows them: #ID)',
      (v: string, prev?: number[]) => [...(prev ?? []), parseId(v)],
    )
    .option('--all', 'every unread notification')
    .action((ids: number[] | undefined, cmd: { all?: boolean }, self: Command) => {
      const given = ids ?? [];
      if (given.length === 0 && !cmd.all)
        self.error('error: give the ids of the notifications to mark read, or --all');
      if (given.length > 0 && cmd.all) self.error('error: give ids or --all, not both');
      return withCore(program, io, (core, options) => {
        const r = core.notifications.markRead(cmd.all ? { all: true } : { ids: given });
        if (options.json) {
          printJson(io, r);
          return;
        }
        const f = formatFor(options, io);
        const t = f.t.notifications;
        const ids = (list: number[]) => list.map((id) => `#${id}`).join(', ');
        const lines = [
          r.marked.length ? t.marked(f.counted(r.marked.length), ` (${ids(r.marked)})`) : '',
          r.alreadyRead.length ? t.alreadyRead(ids(r.alreadyRead)) : '',
          !r.marked.length && !r.alreadyRead.length ? t.nothingToMark : '',
          t.unreadNow(f.count(r.unread)),
        ].filter(Boolean);
        io.stdout(`${lines.join('\n')}\n`);
      });
    });
}
