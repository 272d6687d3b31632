/**
 * The CSV file/folder "shop" (issue 4 §2). Reads one orders file, or every *.csv in a folder (later files win
 * for the same order number). Kassenwart writes status changes (`paid`, `cancelled`) to `kassenwart-export.csv`
 * next to the orders: header `number,status,changed_at,note`, rows appended, each write atomic (temp file +
 * rename), so the merchant's system can import it at any moment without seeing half a file.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Clock } from '../../deps.ts';
import type { OrderPage, ShopCapabilities, ShopConnector, ShopDiscovery, ShopOrder } from '../connector.ts';
import type { ConnectorContext } from '../connector-factory.ts';
import { ShopError } from '../http.ts';
import { csvField, parseOrdersCsv } from './format.ts';

export const EXPORT_FILE_NAME = 'kassenwart-export.csv';
const EXPORT_HEADER = 'number,status,changed_at,note\n';

export class CsvShopConnector implements ShopConnector {
  readonly system = 'csv' as const;
  readonly capabilities: ShopCapabilities = {
    canPushNewOrders: false,
    hasInvoiceNumbers: true,
    customStatuses: true,
  };
  private readonly path: string;
  private readonly clock: Clock;
  private readonly shopName: string;

  constructor(context: ConnectorContext) {
    if (!context.filePath)
      throw new ShopError('SHOP_CONFIG', `CSV shop "${context.shopName}" needs a file or folder (--file).`);
    this.path = context.filePath;
    this.clock = context.clock;
    this.shopName = context.shopName;
  }

  private isFolder(): boolean {
    return existsSync(this.path) && statSync(this.path).isDirectory();
  }

  get exportPath(): string {
    return join(this.isFolder() ? this.path : dirname(this.path), EXPORT_FILE_NAME);
  }

  private files(): string[] {
    if (!existsSync(this.path)) {
      throw new ShopError(
        'CSV_NOT_FOUND',
        `The orders file ${this.path} does not exist. Check the path, or change it with kassenwart shop update "${this.shopName}" --file NEW_PATH (the shop keeps its orders and payments).`,
      );
    }
    if (!this.isFolder()) return [this.path];
    return readdirSync(this.path)
      .filter((f) => f.toLowerCase().endsWith('.csv') && f !== EXPORT_FILE_NAME)
      .sort()
      .map((f) => join(this.path, f));
  }

  private readAll(): ShopOrder[] {
    const byNumber = new Map<string, ShopOrder>();
    for (const file of this.files()) {
      for (const order of parseOrdersCsv(readFileSync(file, 'utf8'), basename(file)))
        byNumber.set(order.externalId, order);
    }
    return [...byNumber.values()];
  }

  testConnection(): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
    try {
      this.readAll();
      return Promise.resolve({ ok: true });
    } catch (error) {
      if (error instanceof ShopError)
        return Promise.resolve({ ok: false, code: error.code, message: error.message });
      throw error;
    }
  }

  discover(): Promise<ShopDiscovery> {
    const orders = this.readAll();
    const methods = new Set([
      'prepayment',
      'invoice',
      'cod',
      ...orders.map((o) => o.paymentMethod ?? '').filter(Boolean),
    ]);
    const statuses = new Set(['open', 'paid', 'cancelled', ...orders.map((o) => o.status)]);
    return Promise.resolve({
      paymentMethods: [...methods].map((id) => ({ id, name: id })),
      statuses: [...statuses].map((id) => ({ id, name: id })),
    });
  }

  /** A file has no modification times per order: every listing is the whole file (one "page", no request). */
  listChangedOrders(): Promise<OrderPage> {
    return Promise.resolve({ orders: this.readAll(), requests: 0, complete: true });
  }

  listOpenOrderIds(params: { openStatuses: string[] }): Promise<{ ids: string[]; requests: number }> {
    const open = new Set(params.openStatuses);
    return Promise.resolve({
      ids: this.readAll()
        .filter((o) => open.has(o.status))
        .map((o) => o.externalId),
      requests: 0,
    });
  }

  getOrder(externalId: string): Promise<ShopOrder | undefined> {
    return Promise.resolve(this.readAll().find((o) => o.externalId === externalId));
  }

  setOrderStatus(
    externalId: string,
    target: { status: string; paid?: boolean; note?: string },
  ): Promise<void> {
    const file = this.exportPath;
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : EXPORT_HEADER;
    const row = [externalId, target.status, this.clock.now().toISOString(), target.note ?? '']
      .map(csvField)
      .join(',');
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${existing.endsWith('\n') ? existing : `${existing}\n`}${row}\n`, 'utf8');
    renameSync(tmp, file);
    return Promise.resolve();
  }
}
