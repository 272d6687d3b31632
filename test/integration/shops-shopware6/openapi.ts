/**
 * Validates Shopware Admin API requests and responses against the OpenAPI 3.1 document that ships in
 * @shopware/api-client (api-types/adminApiSchema.json), with ajv's JSON Schema 2020-12 dialect (OpenAPI 3.1's).
 *
 * The document is normalised before compiling, and every change is a known quirk of that file, listed here:
 *   1. `nullable: true` (an OpenAPI 3.0 keyword left in 147 places) -> the type also admits null.
 *   2. Non-JSON-Schema types (`mixed`, `float`, ...) -> `float` becomes number, the others drop the type.
 *   3. `format: "^[0-9a-f]{32}$"` (a pattern written into format) -> `pattern`.
 *   4. `discriminator`, `example` and other OpenAPI annotations -> ignored (ajv strict mode off).
 *   5. `#/components/schemas/error` gives `meta` both `$ref: meta` (an object) and `type: array`, which no value
 *      can satisfy; Shopware sends an object (`{"parameters": {...}}`), so the array sibling is dropped.
 * Nothing else is relaxed: required fields, enums, patterns and formats (ajv-formats) are checked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json))
    out[k] = k === 'example' || k === 'examples' ? v : normalise(v);
  if (typeof out.type === 'string' && !JSON_TYPES.has(out.type)) {
    if (out.type === 'float') out.type = 'number';
    else delete out.type;
  }
  if (typeof out.format === 'string' && out.format.startsWith('^')) {
    out.pattern = out.format;
    delete out.format;
  }
  delete out.discriminator;
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export type OpenApiProblem = { where: string; errors: string };

export function loadShopwareSpec() {
  // The package's exports map hides package.json; resolve its main entry and go up from dist/.
  const require = createRequire(import.meta.url);
  const file = join(
    dirname(require.resolve('@shopware/api-client')),
    '..',
    'api-types',
    'adminApiSchema.json',
  );
  const spec = normalise(JSON.parse(readFileSync(file, 'utf8'))) as Json & {
    paths: Record<string, Record<string, Json>>;
    components: Json;
  };
  const errorSchema = (spec.components.schemas as Record<string, Json>).error!;
  const meta = (errorSchema.properties as Record<string, Json>).meta!;
  delete meta.type;
  delete meta.items;
  spec.$id = 'shopware-admin';
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(spec);

  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
    names: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
  }));

  const pointer = (...parts: string[]) =>
    `shopware-admin#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

  function check(where: string, ref: string, value: unknown): OpenApiProblem | undefined {
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    if (validate(value)) return undefined;
    return { where, errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
  }

  return {
    /** Validates one request (path below /api, method, JSON body) and returns problems. */
    request(method: string, apiPath: string, body: unknown): OpenApiProblem[] {
      const m = method.toLowerCase();
      const match = templates.find((t) => t.regex.test(apiPath) && spec.paths[t.template]![m]);
      if (!match)
        return [{ where: `${method} ${apiPath}`, errors: 'no such operation in the OpenAPI document' }];
      const op = spec.paths[match.template]![m] as Json;
      const problems: OpenApiProblem[] = [];
      const values = match.regex.exec(apiPath)!.slice(1);
      const params = (op.parameters ?? []) as Json[];
      params.forEach((p, i) => {
        if (p.in !== 'path') return;
        const value = values[match.names.indexOf(p.name as string)];
        const problem = check(
          `${method} ${apiPath} path parameter ${String(p.name)}`,
          pointer('paths', match.template, m, 'parameters', String(i), 'schema'),
          value,
        );
        if (problem) problems.push(problem);
      });
      const requestBody = op.requestBody as Json | undefined;
      const content = requestBody?.content as Record<string, Json> | undefined;
      if (content?.['application/json'] && body !== undefined) {
        const problem = check(
          `${method} ${apiPath} request body`,
          pointer('paths', match.template, m, 'requestBody', 'content', 'application/json', 'schema'),
          body,
        );
        if (problem) problems.push(problem);
      } else if (requestBody?.required && body === undefined) {
        problems.push({ where: `${method} ${apiPath}`, errors: 'request body is required' });
      }
      return problems;
    },
    /** Validates one response against the documented response of that status (application/json). */
    response(method: string, apiPath: string, status: number, body: unknown): OpenApiProblem[] {
      const m = method.toLowerCase();
      const match = templates.find((t) => t.regex.test(apiPath) && spec.paths[t.template]![m]);
      if (!match)
        return [{ where: `${method} ${apiPath}`, errors: 'no such operation in the OpenAPI document' }];
      const responses = (spec.paths[match.template]![m] as Json).responses as Record<string, Json>;
      let response = responses[String(status)] ?? responses.default;
      let base = pointer('paths', match.template, m, 'responses', String(status));
      if (!response) {
        // Statuses the operation does not list (e.g. 401 on every authenticated route) use the shared responses.
        const shared = (spec.components.responses as Record<string, Json>)[String(status)];
        if (!shared) return [{ where: `${method} ${apiPath} ${status}`, errors: 'status not documented' }];
        response = shared;
        base = pointer('components', 'responses', String(status));
      }
      if (typeof response.$ref === 'string') {
        const name = response.$ref.split('/').at(-1)!;
        response = (spec.components.responses as Record<string, Json>)[name]!;
        base = pointer('components', 'responses', name);
      }
      const content = response.content as Record<string, Json> | undefined;
      if (!content?.['application/json']?.schema) return [];
      const problem = check(
        `${method} ${apiPath} ${status} response`,
        `${base}/content/application~1json/schema`,
        body,
      );
      return problem ? [problem] : [];
    },
  };
}

/** Problems in a simulator log: every request, and every response except scripted faults (500/429 are not in the document). */
export function specProblems(
  spec: ReturnType<typeof loadShopwareSpec>,
  log: readonly {
    method: string;
    path: string;
    requestBody: unknown;
    status: number;
    responseBody: unknown;
  }[],
): OpenApiProblem[] {
  return log.flatMap((x) => {
    const apiPath = x.path.replace(/^\/api/, '');
    const scripted =
      (x.responseBody as { errors?: { detail?: string }[] } | undefined)?.errors?.[0]?.detail ===
      'Scripted simulator fault.';
    const request = spec.request(x.method, apiPath, x.requestBody);
    return scripted ? request : [...request, ...spec.response(x.method, apiPath, x.status, x.responseBody)];
  });
}
