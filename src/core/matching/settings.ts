/**
 * Per-shop matching settings (issue 5 §3), stored under `shops.settings.matching`; every field optional,
 * defaults below. Tolerances are for bank fees and rounding: `max(toleranceAbsMinor, tolerancePercent % of the
 * open amount)`, applied to the open amount of an order.
 */
import { z } from 'zod';

export const MatchSettingsSchema = z.object({
  /** Absolute tolerance in minor units (default 1.00). */
  toleranceAbsMinor: z.number().int().min(0).default(100),
  /** Percent of the open amount (default 0.5 %); the larger of the two applies. */
  tolerancePercent: z.number().min(0).max(10).default(0.5),
  /** A candidate is automatic only with at least this score … */
  autoThreshold: z.number().min(0).max(1).default(0.9),
  /** … and at least this far ahead of the second candidate. */
  minMargin: z.number().min(0).max(1).default(0.15),
  /** Payer-based matches only consider orders created this many days before the posting (or 2 days after). */
  dateWindowDays: z.number().int().min(1).max(3650).default(90),
  /** Combined payments: at most this many orders per posting, from at most `maxCombinationPool` orders. */
  maxCombinationSize: z.number().int().min(2).max(6).default(4),
  maxCombinationPool: z.number().int().min(2).max(20).default(12),
  /** How many candidates a queue entry shows. */
  maxCandidates: z.number().int().min(1).max(20).default(5),
});

export type MatchSettings = z.output<typeof MatchSettingsSchema>;

export const DEFAULT_MATCH_SETTINGS: MatchSettings = MatchSettingsSchema.parse({});

/** Settings from `shops.settings.matching` (unknown or invalid fields fall back to the defaults). */
export function matchSettingsFrom(shopSettings: Record<string, unknown> | null | undefined): MatchSettings {
  const raw = shopSettings?.['matching'];
  const parsed = MatchSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_MATCH_SETTINGS;
}

/** Tolerance in minor units for an open amount. */
export function toleranceFor(settings: MatchSettings, openMinor: number): number {
  const pct = Math.floor((Math.abs(openMinor) * Math.round(settings.tolerancePercent * 100)) / 10000);
  return Math.max(settings.toleranceAbsMinor, pct);
}
