/**
 * What a newcomer's walkthrough of the command line ran into: each case is the command as a user types it,
 * through the real `kassenwart` child process (test/helpers/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';
import { ENV, freshDb } from './support.ts';

describe('usage errors, language, help', () => {
  it('prints usage errors as JSON with --json (exit 2)', () => {
    const { cli } = freshDb();
    for (const args of [
      ['--json', 'bogus'],
      ['--json', 'postings', '--from', 'x'],
      ['assign', '--json'],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'USAGE', message: expect.any(String) } });
    }
    const text = cli('bogus');
    expect(text.status).toBe(2);
    expect(text.stderr).toContain("unknown command 'bogus'");
  });

  it('an unknown KASSENWART_LANG is ignored with a warning; --help names the locale variables', () => {
    const { cli, db } = freshDb();
    const r = runCli(['--db', db, 'status'], {
      ...ENV,
      KASSENWART_LANG: 'fr',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'en_US.UTF-8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('KASSENWART_LANG="fr"');
    expect(r.stdout).toContain('Unassigned incoming payments'); // English from LANG, not the default German
    expect(cli('--lang', 'fr', 'status').status).toBe(2);
    const help = cli('--help');
    expect(help.stdout).toContain('LC_ALL');
    expect(help.stdout).toContain('LC_MESSAGES');
  });
});
