import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import YAML from 'yaml';

/** Langfuse's OpenAPI document in ../shared/specs (third-party test data, never copied into the repository). */
export const langfuseOpenApiFile = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'specs', 'langfuse', 'openapi.yml');

/** One parameter of an operation as the document declares it. */
interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required: boolean;
  readonly validate: ValidateFunction;
  readonly type: string | undefined;
}

/** An operation of the document: its path template, parameters, request body and 200 response validators. */
interface Operation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly pathNames: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly requestBody: ValidateFunction | undefined;
  readonly response: ValidateFunction | undefined;
}

/** The prompt endpoints of DESIGN §8 that the contract server implements. */
const promptPaths = ['/api/public/v2/prompts', '/api/public/v2/prompts/{promptName}', '/api/public/v2/prompts/{name}/versions/{version}'];

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/**
 * Validates requests and responses of the prompt endpoints against Langfuse's OpenAPI document:
 * query and path parameters, JSON bodies and 200 responses, each with ajv against the document's
 * own schemas. Returns undefined when the document is absent.
 */
export class LangfuseOpenApi {
  private constructor(private readonly operations: readonly Operation[]) {}

  static load(file = langfuseOpenApiFile): LangfuseOpenApi | undefined {
    if (!fs.existsSync(file)) return undefined;
    const document = asRecord(YAML.parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: -1 }));
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
    ajv.addSchema({ $id: 'langfuse-openapi', components: ajvReady(document['components']) });
    // Schemas inside paths refer to `#/components/…`, which means the document: point them at it.
    const compile = (schema: unknown): ValidateFunction => ajv.compile(JSON.parse(JSON.stringify(ajvReady(schema ?? {})).replace(/"#\/components\//g, '"langfuse-openapi#/components/')) as Json);
    const operations: Operation[] = [];
    const paths = asRecord(document['paths']);
    for (const template of promptPaths) {
      const item = asRecord(paths[template]);
      for (const [method, value] of Object.entries(item)) {
        const operation = asRecord(value);
        const pathNames: string[] = [];
        const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
          pathNames.push(name);
          return '([^/]+)';
        })}$`);
        const parameters = (Array.isArray(operation['parameters']) ? operation['parameters'] : []).map((raw): Parameter => {
          const parameter = asRecord(raw);
          const schema = asRecord(parameter['schema']);
          return {
            name: String(parameter['name']),
            in: parameter['in'] as Parameter['in'],
            required: parameter['required'] === true,
            validate: compile(schema),
            type: typeof schema['type'] === 'string' ? schema['type'] : undefined,
          };
        });
        const bodySchema = asRecord(asRecord(asRecord(asRecord(operation['requestBody'])['content'])['application/json'])['schema']);
        const responseSchema = asRecord(asRecord(asRecord(asRecord(asRecord(operation['responses'])['200'])['content'])['application/json'])['schema']);
        operations.push({
          method: method.toUpperCase(),
          template,
          pattern,
          pathNames,
          parameters,
          requestBody: Object.keys(bodySchema).length > 0 ? compile(bodySchema) : undefined,
          response: Object.keys(responseSchema).length > 0 ? compile(responseSchema) : undefined,
        });
      }
    }
    return new LangfuseOpenApi(operations);
  }

  /** What is wrong with a request (method, raw path, query, parsed JSON body), or an empty list. */
  checkRequest(method: string, rawPath: string, query: URLSearchParams, body: unknown): string[] {
    const operation = this.operations.find((candidate) => candidate.method === method && candidate.pattern.test(rawPath));
    if (!operation) return [`${method} ${rawPath} is no operation of the OpenAPI document (folder names must be URL-encoded)`];
    const problems: string[] = [];
    const match = operation.pattern.exec(rawPath);
    const pathValues = new Map(operation.pathNames.map((name, index) => [name, decodeURIComponent(match?.[index + 1] ?? '')]));
    const known = new Set(operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
    for (const name of new Set(query.keys())) if (!known.has(name)) problems.push(`${operation.template}: unknown query parameter "${name}"`);
    for (const parameter of operation.parameters) {
      if (parameter.in === 'header') continue;
      const raw = parameter.in === 'path' ? pathValues.get(parameter.name) : (query.get(parameter.name) ?? undefined);
      if (raw === undefined) {
        if (parameter.required) problems.push(`${operation.template}: missing ${parameter.in} parameter "${parameter.name}"`);
        continue;
      }
      const value = parameter.type === 'integer' || parameter.type === 'number' ? (raw.trim() === '' ? Number.NaN : Number(raw)) : parameter.type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
      if (!parameter.validate(value)) problems.push(`${operation.template}: ${parameter.in} parameter "${parameter.name}"=${JSON.stringify(raw)} ${parameter.validate.errors?.[0]?.message ?? 'is invalid'}`);
    }
    if (operation.requestBody && !operation.requestBody(body)) problems.push(`${method} ${operation.template} body: ${describeErrors(operation.requestBody)}`);
    return problems;
  }

  /** What is wrong with a 200 response body of a request, or an empty list. */
  checkResponse(method: string, rawPath: string, body: unknown): string[] {
    const operation = this.operations.find((candidate) => candidate.method === method && candidate.pattern.test(rawPath));
    if (!operation?.response) return [];
    return operation.response(body) ? [] : [`${method} ${operation.template} response: ${describeErrors(operation.response)}`];
  }
}

/** OpenAPI 3.0's `nullable` without a `type` (any value, null included) is what ajv refuses; without it the schema means the same. */
function ajvReady(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(ajvReady);
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema).filter(([key]) => !(key === 'nullable' && !('type' in schema)));
  return Object.fromEntries(entries.map(([key, value]) => [key, ajvReady(value)]));
}

function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 3).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`).join('; ');
}
