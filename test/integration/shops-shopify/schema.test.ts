/**
 * The Shopify connector and simulator checked against the official Admin API schema that ships in
 * @shopify/dev-mcp (dist/data/admin_<version>.json.gz, a GraphQL introspection result).
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  NoDeprecatedCustomRule,
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
  type IntrospectionQuery,
} from 'graphql';
import { MAX_ORDERS_PER_PAGE, SHOPIFY_API_VERSION, SHOPIFY_DOCUMENTS } from '#core/shops/shopify/index.ts';
import {
  CHANGED_ORDERS_QUERY,
  MAX_SINGLE_QUERY_COST,
  OPEN_ORDERS_QUERY,
  ORDER_NODE_COST,
  RECENT_GATEWAYS_QUERY,
} from '#core/shops/shopify/documents.ts';
import { buildSimulatorSchema, requestedCost } from '#core/shops/shopify/simulator-schema.ts';

/** The package has no importable entry (exports without "."), so locate it from the repository root. */
function findDataDir(): string {
  return fileURLToPath(new URL('../../../node_modules/@shopify/dev-mcp/dist/data/', import.meta.url));
}

const file = join(findDataDir(), `admin_${SHOPIFY_API_VERSION}.json.gz`);
const introspection = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
  data: IntrospectionQuery;
};
// assumeValid skips graphql-js's check of the schema itself: Shopify's schema deprecates some implementations of
// non-deprecated interface fields (e.g. ChannelDefinition.id), which graphql-js 17 rejects. Documents are still
// validated against it in full.
const real = buildClientSchema(introspection.data, { assumeValid: true });
const sim = buildSimulatorSchema();

describe(`Shopify GraphQL documents against the Admin API ${SHOPIFY_API_VERSION} schema`, () => {
  it.each(Object.entries(SHOPIFY_DOCUMENTS))('%s validates', (_name, document) => {
    expect(validate(real, parse(document)).map((e) => e.message)).toEqual([]);
  });

  it.each(Object.entries(SHOPIFY_DOCUMENTS))(
    '%s uses no deprecated fields or arguments',
    (_name, document) => {
      expect(validate(real, parse(document), [NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
    },
  );
});

describe('the simulator schema is a subset of the real Admin API schema', () => {
  it('has the same types, fields, arguments and enum values (with the same types)', () => {
    const problems: string[] = [];
    for (const type of Object.values(sim.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))
        continue;
      const other = real.getType(type.name);
      if (!other) {
        problems.push(`type ${type.name} missing`);
        continue;
      }
      if (other.constructor !== type.constructor) problems.push(`${type.name} is a different kind`);
      if (isEnumType(type) && isEnumType(other)) {
        const values = new Set(other.getValues().map((v) => v.name));
        for (const v of type.getValues())
          if (!values.has(v.name)) problems.push(`${type.name}.${v.name} missing`);
      }
      if (
        (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) &&
        (isObjectType(other) || isInterfaceType(other) || isInputObjectType(other))
      ) {
        type Field = { type: unknown; args?: readonly { name: string; type: unknown }[] };
        const otherFields = other.getFields() as Record<string, Field>;
        for (const [name, field] of Object.entries(type.getFields() as Record<string, Field>)) {
          const o = otherFields[name];
          if (!o) {
            problems.push(`${type.name}.${name} missing`);
            continue;
          }
          if (String(o.type) !== String(field.type))
            problems.push(`${type.name}.${name}: ${String(field.type)} vs real ${String(o.type)}`);
          if (field.args && o.args) {
            for (const arg of field.args) {
              const realArg = o.args.find((a) => a.name === arg.name);
              if (!realArg || String(realArg.type) !== String(arg.type))
                problems.push(`${type.name}.${name}(${arg.name}) differs`);
            }
          }
        }
      }
      if (isObjectType(type) && isObjectType(other)) {
        const interfaces = new Set(other.getInterfaces().map((i) => i.name));
        for (const i of type.getInterfaces())
          if (!interfaces.has(i.name)) problems.push(`${type.name} does not implement ${i.name}`);
      }
    }
    expect(problems).toEqual([]);
    expect(getNamedType(sim.getQueryType()!.getFields().orders!.type).name).toBe('OrderConnection');
  });

  it('validates every connector document against the simulator schema too', () => {
    for (const document of Object.values(SHOPIFY_DOCUMENTS))
      expect(validate(sim, parse(document)).map((e) => e.message)).toEqual([]);
  });
});

describe('query costs', () => {
  it('computes the documented costs, and the largest page stays within the single-query limit', () => {
    expect(requestedCost(sim, parse(CHANGED_ORDERS_QUERY), { first: 1 })).toBe(2 + ORDER_NODE_COST);
    expect(
      requestedCost(sim, parse(CHANGED_ORDERS_QUERY), { first: MAX_ORDERS_PER_PAGE }),
    ).toBeLessThanOrEqual(MAX_SINGLE_QUERY_COST);
    expect(
      requestedCost(sim, parse(CHANGED_ORDERS_QUERY), { first: MAX_ORDERS_PER_PAGE + 1 }),
    ).toBeGreaterThan(MAX_SINGLE_QUERY_COST);
    expect(requestedCost(sim, parse(OPEN_ORDERS_QUERY), { first: MAX_ORDERS_PER_PAGE })).toBe(
      2 + MAX_ORDERS_PER_PAGE,
    );
    expect(requestedCost(sim, parse(RECENT_GATEWAYS_QUERY), { first: 250 })).toBe(252);
  });
});
