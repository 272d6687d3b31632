/**
 * The generated IPC handlers (main) and the preload bridge, wired together over a stand-in for Electron's
 * ipcMain/ipcRenderer/contextBridge (the Electron binary cannot run here), with a real core on an encrypted
 * temp database behind them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '#core/api/handlers.ts';
import { silentLogger } from '#core/deps.ts';
import { API_METHODS, IPC_CHANNEL_PREFIX } from '#shared/api.ts';
import { makeTestDb } from '../../helpers/db.ts';

type Frame = { url: string; parent: Frame | null };
type Handler = (event: { senderFrame: Frame | null }, input: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const exposed = new Map<string, unknown>();
  const sender = { frame: null as Frame | null };
  return {
    handlers,
    exposed,
    sender,
    ipcMain: {
      handle: (channel: string, fn: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        const fn = handlers.get(channel);
        if (!fn) throw new Error(`No handler registered for '${channel}'`);
        // Structured clone, as IPC does.
        return structuredClone(await fn({ senderFrame: sender.frame }, structuredClone(input)));
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  };
});
vi.mock('electron', () => ({
  ipcMain: electron.ipcMain,
  ipcRenderer: electron.ipcRenderer,
  contextBridge: electron.contextBridge,
}));

const APP_FRAME: Frame = { url: 'kassenwart://app/index.html#/orders', parent: null };

async function setUp() {
  electron.handlers.clear();
  electron.exposed.clear();
  electron.sender.frame = APP_FRAME;
  const { core } = makeTestDb();
  const { registerIpcHandlers } = await import('../../../src/main/ipc.ts');
  const remove = registerIpcHandlers(
    createApiHandlers(core, { version: '1.2.3', databasePath: '/x.db', keyMode: 'memory' }),
    ['kassenwart://app'],
    silentLogger,
  );
  vi.resetModules(); // the preload registers on import
  await import('../../../src/preload/index.ts');
  const bridge = electron.exposed.get('kassenwart') as Record<string, (input?: unknown) => Promise<unknown>>;
  return { core, remove, bridge };
}

describe('IPC handlers and preload bridge', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('registers one channel per API method and exposes one function per method, nothing else', async () => {
    const { bridge, remove } = await setUp();
    expect([...electron.handlers.keys()].sort()).toEqual(
      API_METHODS.map((m) => IPC_CHANNEL_PREFIX + m).sort(),
    );
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    expect(Object.values(bridge).every((fn) => typeof fn === 'function')).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
    remove();
    expect(electron.handlers.size).toBe(0);
  });

  it('returns the data of a call from the app frame', async () => {
    const { bridge } = await setUp();
    await expect(bridge['app.info']!({})).resolves.toEqual({
      version: '1.2.3',
      keyMode: 'memory',
      databasePath: '/x.db',
    });
    await expect(bridge['status.summary']!()).resolves.toMatchObject({
      ordersTotal: 0,
      unassignedPostings: 0,
    });
  });

  it('rejects invalid input with a plain { code, message } (validated in main)', async () => {
    const { bridge } = await setUp();
    const error: unknown = await bridge['status.summary']!({ surprise: 1 }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toEqual({
      code: 'API_INVALID_INPUT',
      message: expect.stringContaining('status.summary') as unknown,
    });
  });

  it('refuses calls from other origins and from sub-frames', async () => {
    const { bridge } = await setUp();
    electron.sender.frame = { url: 'https://evil.example/', parent: null };
    await expect(bridge['status.summary']!({})).rejects.toEqual(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    electron.sender.frame = { url: 'kassenwart://app/', parent: APP_FRAME };
    await expect(bridge['status.summary']!({})).rejects.toEqual(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    electron.sender.frame = null;
    await expect(bridge['status.summary']!({})).rejects.toEqual(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('turns an unexpected failure into { code: INTERNAL } instead of a raw Error', async () => {
    const { bridge, core } = await setUp();
    core.close(); // the database is gone: the handler throws a plain Error
    const error: unknown = await bridge['status.summary']!({}).catch((e: unknown) => e);
    expect(error).toEqual({ code: 'INTERNAL', message: expect.any(String) as unknown });
  });
});
