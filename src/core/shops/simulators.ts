/**
 * Shop simulators for tests and `kassenwart dev shop-sim SYSTEM [--port N]`: one line per system, loaded
 * lazily so the app never loads simulator code unless asked. Shopware 6 and Shopify add their entries here.
 */
import type { ShopSystem } from '#shared/domain.ts';

export type RunningSimulator = {
  /** Base URL to give `kassenwart shop add --url` (or the file path for CSV). */
  url: string;
  /** Credentials the simulator accepts, to print for the demo. */
  credentials: Record<string, string>;
  close(): Promise<void>;
};

export type SimulatorStartOptions = { port?: number; host?: string; seedOrders?: number };

export type SimulatorStarter = (options: SimulatorStartOptions) => Promise<RunningSimulator>;

export const shopSimulators: Partial<Record<ShopSystem, () => Promise<SimulatorStarter>>> = {
  woocommerce: async () => (await import('./woocommerce/simulator.ts')).startWooCommerceSimulatorForCli,
  shopware6: async () => (await import('./shopware6/simulator.ts')).startShopware6SimulatorForCli,
  shopify: async () => (await import('./shopify/simulator.ts')).startShopifySimulatorForCli,
};
