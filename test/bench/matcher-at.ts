/**
 * The matcher as it is at a git revision (or `.`, the working tree), loaded into this process: the sources of
 * `git archive REV src package.json`, bundled with esbuild (tsx's own dependency) into a temporary folder. For
 * the tools that compare versions of the matcher in one process (match-ab.ts: speed, match-diff.ts: decisions).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { MatchInput, MatchResult } from '#core/matching/types.ts';

export type Matcher = (input: MatchInput) => MatchResult;

export async function matchersAt(versions: readonly string[]): Promise<Matcher[]> {
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
  const work = mkdtempSync(join(tmpdir(), 'kassenwart-matcher-'));
  const matchers: Matcher[] = [];
  try {
    for (const [i, version] of versions.entries()) {
      let from = root;
      if (version !== '.') {
        from = join(work, `src-${i}`);
        mkdirSync(from);
        const tar = join(work, `src-${i}.tar`);
        execFileSync('git', ['archive', '--output', tar, version, 'src', 'package.json'], { cwd: root });
        execFileSync('tar', ['-x', '-f', tar, '-C', from]);
      }
      const outfile = join(work, `matcher-${i}.mjs`);
      await build({
        entryPoints: [join(from, 'src/core/matching/matcher.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile,
        // The archived sources have no node_modules of their own: this checkout's packages.
        nodePaths: [join(root, 'node_modules')],
        logLevel: 'warning',
      });
      matchers.push(((await import(pathToFileURL(outfile).href)) as { runMatcher: Matcher }).runMatcher);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return matchers;
}
