/**
 * The subset of the Shopware DAL criteria the simulator evaluates (filters equals, equalsAny, range, multi, not;
 * multi-field sort; ids; page/limit; associations with nested filter/sort; total-count-mode none|exact|next-pages),
 * following https://developer.shopware.com/docs/guides/integrations-api/general-concepts/search-criteria.html.
 * Unsupported parts are rejected with 400 like the real RequestCriteriaBuilder does, so a connector change that
 * needs more of the DAL fails loudly in tests instead of silently returning wrong data.
 */
export type Entity = Record<string, unknown>;
type Filter = {
  type?: unknown;
  field?: unknown;
  value?: unknown;
  parameters?: Record<string, unknown>;
  operator?: unknown;
  queries?: unknown;
};
export type CriteriaBody = {
  page?: unknown;
  limit?: unknown;
  ids?: unknown;
  filter?: unknown;
  sort?: unknown;
  associations?: unknown;
  'total-count-mode'?: unknown;
};

export class CriteriaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const DATE_FIELDS = new Set(['createdAt', 'updatedAt', 'orderDateTime']);

/** Reads a dotted path; through to-many associations it yields every value (DAL semantics: any match). */
function valuesAt(entity: unknown, path: string[]): unknown[] {
  if (path.length === 0) return [entity];
  if (Array.isArray(entity)) return entity.flatMap((e) => valuesAt(e, path));
  if (entity === null || typeof entity !== 'object') return [undefined];
  const [head, ...rest] = path as [string, ...string[]];
  return valuesAt((entity as Entity)[head], rest);
}

function comparable(field: string, value: unknown): unknown {
  const last = field.split('.').at(-1) ?? field;
  if (DATE_FIELDS.has(last) && typeof value === 'string') {
    const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`;
    return Date.parse(iso);
  }
  return value;
}

function matches(entity: Entity, filter: Filter): boolean {
  const type = filter.type;
  if (type === 'multi' || type === 'not') {
    if (!Array.isArray(filter.queries))
      throw new CriteriaError('FRAMEWORK__INVALID_FILTER_QUERY', 'multi/not filter needs queries');
    const results = (filter.queries as Filter[]).map((q) => matches(entity, q));
    const op = typeof filter.operator === 'string' ? filter.operator.toLowerCase() : 'and';
    const combined = op === 'or' ? results.some(Boolean) : results.every(Boolean);
    return type === 'not' ? !combined : combined;
  }
  if (typeof filter.field !== 'string')
    throw new CriteriaError('FRAMEWORK__INVALID_FILTER_QUERY', 'filter needs a field');
  const field = filter.field;
  const values = valuesAt(entity, field.split('.')).map((v) => comparable(field, v));
  switch (type) {
    case 'equals': {
      const want = comparable(field, filter.value);
      return values.some((v) => (want === null ? v === null || v === undefined : v === want));
    }
    case 'equalsAny': {
      if (!Array.isArray(filter.value))
        throw new CriteriaError('FRAMEWORK__INVALID_FILTER_QUERY', 'equalsAny needs a list');
      const wanted = new Set((filter.value as unknown[]).map((v) => comparable(field, v)));
      return values.some((v) => wanted.has(v));
    }
    case 'range': {
      const p = filter.parameters ?? {};
      return values.some((v) => {
        if (v === null || v === undefined) return false;
        const n = v as number | string;
        const bound = (key: string) => comparable(field, p[key]) as number | string;
        if (p.gte !== undefined && !(n >= bound('gte'))) return false;
        if (p.gt !== undefined && !(n > bound('gt'))) return false;
        if (p.lte !== undefined && !(n <= bound('lte'))) return false;
        if (p.lt !== undefined && !(n < bound('lt'))) return false;
        return true;
      });
    }
    default:
      throw new CriteriaError(
        'FRAMEWORK__INVALID_FILTER_QUERY',
        `The simulator does not support filter type "${String(type)}".`,
      );
  }
}

function compare(a: Entity, b: Entity, sort: { field: string; order: string }[]): number {
  const keysOf = (e: Entity) => sort.map((s) => comparable(s.field, valuesAt(e, s.field.split('.'))[0]));
  return compareKeys(keysOf(a), keysOf(b), sort);
}

function compareKeys(ak: unknown[], bk: unknown[], sort: { field: string; order: string }[]): number {
  for (const [i, s] of sort.entries()) {
    const av = ak[i];
    const bv = bk[i];
    if (av === bv) continue;
    // MySQL sorts NULL first in ascending order.
    const nullish = (v: unknown) => v === null || v === undefined;
    let c: number;
    if (nullish(av)) c = -1;
    else if (nullish(bv)) c = 1;
    else c = (av as number | string) < (bv as number | string) ? -1 : 1;
    return s.order.toUpperCase() === 'DESC' ? -c : c;
  }
  return 0;
}

function parseSort(raw: unknown): { field: string; order: string }[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new CriteriaError('FRAMEWORK__INVALID_SORT_QUERY', 'sort must be a list');
  return (raw as { field?: unknown; order?: unknown }[]).map((s) => {
    if (typeof s.field !== 'string')
      throw new CriteriaError('FRAMEWORK__INVALID_SORT_QUERY', 'sort needs a field');
    return { field: s.field, order: typeof s.order === 'string' ? s.order : 'ASC' };
  });
}

/** Applies filter and sort of an association criteria to a loaded to-many collection. */
function shapeAssociations(
  entity: Entity,
  associations: Record<string, CriteriaBody>,
  known: ReadonlySet<string>,
): Entity {
  const out: Entity = {};
  for (const [key, value] of Object.entries(entity)) {
    if (!known.has(key)) {
      out[key] = value;
      continue;
    }
    const sub = associations[key];
    if (!sub) continue; // not requested: the DAL does not load it
    const nested = (sub.associations ?? {}) as Record<string, CriteriaBody>;
    if (Array.isArray(value)) {
      const filters = (sub.filter ?? []) as Filter[];
      const rows = (value as Entity[]).filter((row) => filters.every((f) => matches(row, f)));
      rows.sort((a, b) => compare(a, b, parseSort(sub.sort)));
      out[key] = rows.map((row) => shapeAssociations(row, nested, known));
    } else if (value && typeof value === 'object') {
      out[key] = shapeAssociations(value as Entity, nested, known);
    } else {
      out[key] = value;
    }
  }
  return out;
}

export type SearchOutcome = { total: number; data: Entity[] };

/** Evaluates a criteria body over a collection, like `EntitySearcher` + `EntityReader`. */
export function search(
  all: Entity[],
  body: CriteriaBody,
  associationKeys: ReadonlySet<string>,
): SearchOutcome {
  const mode = body['total-count-mode'] ?? 'none';
  if (!['none', 'exact', 'next-pages', 0, 1, 2].includes(mode as string | number)) {
    throw new CriteriaError(
      'FRAMEWORK__INVALID_CRITERIA_PARAMETERS',
      `Unsupported total-count-mode ${JSON.stringify(mode)}.`,
    );
  }
  const limit = body.limit === undefined ? undefined : Number(body.limit);
  const page = body.page === undefined ? 1 : Number(body.page);
  if (
    (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) ||
    !Number.isInteger(page) ||
    page < 1
  ) {
    throw new CriteriaError(
      'FRAMEWORK__INVALID_CRITERIA_PARAMETERS',
      'page and limit must be positive integers.',
    );
  }
  let rows = all;
  if (body.ids !== undefined) {
    if (!Array.isArray(body.ids))
      throw new CriteriaError('FRAMEWORK__INVALID_CRITERIA_PARAMETERS', 'ids must be a list');
    const ids = new Set(body.ids as string[]);
    rows = rows.filter((r) => ids.has(r.id as string));
  }
  if (body.filter !== undefined) {
    if (!Array.isArray(body.filter))
      throw new CriteriaError('FRAMEWORK__INVALID_FILTER_QUERY', 'filter must be a list');
    const filters = body.filter as Filter[];
    rows = rows.filter((r) => filters.every((f) => matches(r, f)));
  }
  const sort = parseSort(body.sort);
  // Decorate once (dates parsed once per row, not per comparison), then sort on the keys.
  const keyed = rows.map((row) => ({
    row,
    keys: sort.map((s) => comparable(s.field, valuesAt(row, s.field.split('.'))[0])),
  }));
  keyed.sort((a, b) => compareKeys(a.keys, b.keys, sort));
  rows = keyed.map((k) => k.row);
  const offset = limit === undefined ? 0 : (page - 1) * limit;
  const slice = limit === undefined ? rows.slice(offset) : rows.slice(offset, offset + limit);
  let total: number;
  if (mode === 'exact' || mode === 1) total = rows.length;
  else if ((mode === 'next-pages' || mode === 2) && limit !== undefined)
    total = offset + Math.min(rows.length - offset, limit * 5 + 1);
  else total = slice.length;
  const associations = (body.associations ?? {}) as Record<string, CriteriaBody>;
  return { total, data: slice.map((r) => shapeAssociations(r, associations, associationKeys)) };
}
