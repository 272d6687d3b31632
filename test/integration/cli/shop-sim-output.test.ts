/**
 * `kassenwart dev shop-sim`: its first line is in the user's language like every human-readable line (it was the one
 * English line in German output). Through the real `kassenwart` child process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from '../../helpers/cli.ts';
import { GERMAN_SHELL } from './support.ts';

const running: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.();
});

async function firstLine(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const sim = await startCli(['dev', 'shop-sim', ...args], env);
  running.push(sim.stop);
  return sim.firstLine;
}

describe('kassenwart dev shop-sim', () => {
  it('says where the simulator runs and its credentials in German or English', async () => {
    const [german, english] = await Promise.all([
      firstLine(['woocommerce'], GERMAN_SHELL),
      firstLine(['woocommerce'], { ...GERMAN_SHELL, LANG: 'en_GB.UTF-8' }),
    ]);
    expect(german).toMatch(
      /^woocommerce-Simulator unter http:\/\/127\.0\.0\.1:\d+ – Zugangsdaten: key=ck_\S+ secret=cs_\S+$/,
    );
    expect(english).toMatch(
      /^woocommerce simulator at http:\/\/127\.0\.0\.1:\d+ – credentials: key=ck_\S+ secret=cs_\S+$/,
    );
  });
});
