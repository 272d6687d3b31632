/** API methods of the shops area (shops, mappings, sync, orders); merged into the one table in ../api.ts. */
import { z } from 'zod';
import { ORDER_STATUSES, PAYMENT_CODES, SHOP_SYSTEMS } from '../domain.ts';
import type { ApiTable } from './types.ts';

const perCode = <T extends z.ZodType>(t: T) => z.object({ prepayment: t, invoice: t, cod: t });

export const ShopMappingDto = z.object({
  paymentMethods: perCode(z.array(z.string().min(1))),
  openStatuses: perCode(z.array(z.string().min(1))),
  paidStatus: perCode(z.string().min(1)),
  cancelledStatuses: z.array(z.string().min(1)),
  overdueStatus: z.string().min(1).optional(),
  debtCollectionStatus: z.string().min(1).optional(),
  orderNumberPattern: z.string().optional(),
  invoiceNumberPattern: z.string().optional(),
  sendPaymentInformation: z.boolean(),
});
export type ShopMappingDto = z.infer<typeof ShopMappingDto>;

export const ScheduleDto = z.object({
  newOrdersMinutes: z.number().int().min(1),
  fastPollMinutes: z.number().int().min(1),
  fastPolling: z.boolean(),
  fullComparisonHours: z.number().min(1),
});

export const ShopDto = z.object({
  id: z.number().int(),
  name: z.string(),
  system: z.enum(SHOP_SYSTEMS),
  url: z.string().nullable(),
  filePath: z.string().nullable(),
  connectedAt: z.string(),
  enabled: z.boolean(),
  mapping: ShopMappingDto,
  schedule: ScheduleDto,
});
export type ShopDto = z.infer<typeof ShopDto>;

const ShopRef = z.union([z.string().min(1), z.number().int()]);

export const AddShopInput = z
  .object({
    system: z.enum(SHOP_SYSTEMS),
    name: z.string().min(1).max(100),
    url: z.string().url().optional(),
    filePath: z.string().min(1).optional(),
    credentials: z
      .object({ key: z.string().optional(), secret: z.string().optional(), token: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();

/** `shops.update`: how a shop is reached changes (what is given); the connection is tested first. */
export const UpdateShopInput = z
  .object({
    shop: ShopRef,
    url: z.string().url().optional(),
    filePath: z.string().min(1).optional(),
    credentials: AddShopInput.shape.credentials,
    /**
     * Change it although the shop reached does not look like this shop (SHOP_IDENTITY_MISMATCH otherwise), as
     * `shop update --force`: the dealer says it is the same shop. Audited.
     */
    force: z.boolean().optional(),
  })
  .strict();

export const OrderDto = z.object({
  id: z.number().int(),
  shop: z.string(),
  number: z.string(),
  invoiceNumber: z.string().nullable(),
  createdAt: z.string(),
  totalMinor: z.number().int(),
  currency: z.string(),
  paidMinor: z.number().int(),
  customerName: z.string().nullable(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  paymentCode: z.enum(PAYMENT_CODES).nullable(),
  shopStatus: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  managed: z.boolean(),
});
export type OrderDto = z.infer<typeof OrderDto>;

const SyncKind = z.enum(['new', 'poll', 'full']);

export const SyncRunDto = z.object({
  runId: z.number().int(),
  shopId: z.number().int(),
  shop: z.string(),
  kind: SyncKind,
  state: z.enum(['running', 'ok', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ordersSeen: z.number().int(),
  ordersNew: z.number().int(),
  ordersChanged: z.number().int(),
  ordersRemoved: z.number().int(),
  requests: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SyncRunDto = z.infer<typeof SyncRunDto>;

export const shopsApi = {
  'shops.list': { input: z.object({}).strict(), output: z.array(ShopDto) },
  'shops.add': { input: AddShopInput, output: ShopDto },
  'shops.test': {
    input: z.object({ shop: ShopRef }).strict(),
    output: z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  },
  'shops.update': { input: UpdateShopInput, output: ShopDto },
  'shops.remove': {
    input: z.object({ shop: ShopRef }).strict(),
    // openOrders: its orders still awaiting payment, kept as history; cancelledTransfers: write-backs withdrawn.
    output: z.object({
      removed: z.literal(true),
      openOrders: z.number().int(),
      cancelledTransfers: z.number().int(),
    }),
  },
  'shops.mapping.get': { input: z.object({ shop: ShopRef }).strict(), output: ShopMappingDto },
  'shops.mapping.set': {
    input: z.object({ shop: ShopRef, mapping: ShopMappingDto.partial() }).strict(),
    output: ShopMappingDto,
  },
  'shops.schedule.set': {
    input: z.object({ shop: ShopRef, schedule: ScheduleDto.partial() }).strict(),
    output: ScheduleDto,
  },
  'orders.list': {
    input: z
      .object({
        status: z.enum(ORDER_STATUSES).optional(),
        shop: ShopRef.optional(),
        limit: z.number().int().min(1).max(10_000).default(500),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.array(OrderDto),
  },
  'sync.run': {
    input: z.object({ shop: ShopRef.optional(), full: z.boolean().default(false) }).strict(),
    output: z.array(SyncRunDto),
  },
  'sync.runs': {
    input: z
      .object({ shop: ShopRef.optional(), limit: z.number().int().min(1).max(500).default(20) })
      .strict(),
    output: z.array(SyncRunDto),
  },
} as const satisfies ApiTable;
