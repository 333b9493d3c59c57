import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';

/** One JSON Schema validation failure, located by JSON pointer into the data. */
export interface ValidationFailure {
  /** JSON pointer into the validated data (`/person/age`); `` for the root. */
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
  /** The property name for `required` and `additionalProperties` failures. */
  readonly property?: string;
  /** What the schema expects, in words (`integer`, `one of "a", "b"`). */
  readonly expected: string;
}

const ajv = new Ajv({
  allErrors: true,
  strict: false,
  logger: false,
  validateFormats: false,
  // Compiled schemas are not registered by `$id`, so two prompts may reuse one `$id`.
  addUsedSchema: false,
  // Every prompt brings its own schema, so compile time counts more than validation speed; schemas
  // are checked against the meta-schema separately (`checkJsonSchema`) where the user wrote them.
  validateSchema: false,
  code: { optimize: false },
});

const cacheLimit = 64;
const compiled = new Map<string, { validate?: ValidateFunction; error?: string }>();

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutDialect(schema: SchemaObject): SchemaObject {
  // Ajv only ships draft-07; a `$schema` naming another draft would make it refuse the whole schema.
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function stableKey(schema: unknown): string | undefined {
  try {
    return JSON.stringify(schema);
  } catch {
    return undefined;
  }
}

/** Lists what is wrong with a JSON Schema itself (by JSON pointer into the schema); empty when it is valid. */
export function checkJsonSchema(schema: unknown): ValidationFailure[] {
  if (!isSchemaObject(schema)) return [];
  try {
    // validateSchema is off for compiling, but this explicit call still checks against draft-07.
    const valid = ajv.validateSchema(withoutDialect(schema));
    if (valid === true) return [];
    return mostSpecificFailures((ajv.errors ?? []).map(toFailure));
  } catch {
    return [];
  }
}

/**
 * One failure per mistake: the meta-schema's `anyOf` alternatives report one mistake several times
 * (`type: 5` fails the enum of type names, "must be array" and the `anyOf` around them), and a
 * failure inside a value also fails the value around it. Keeps the deepest failures, one per
 * place, the allowed values when there are any.
 */
function mostSpecificFailures(failures: readonly ValidationFailure[]): ValidationFailure[] {
  const deeper = (outer: string) => failures.some((failure) => failure.instancePath.startsWith(`${outer}/`));
  const byPlace = new Map<string, ValidationFailure[]>();
  for (const failure of failures) {
    if (deeper(failure.instancePath)) continue;
    const same = byPlace.get(failure.instancePath);
    if (same) same.push(failure);
    else byPlace.set(failure.instancePath, [failure]);
  }
  return [...byPlace.values()].flatMap((same) => {
    const chosen = same.find((failure) => failure.keyword === 'enum') ?? same.find((failure) => failure.keyword !== 'anyOf' && failure.keyword !== 'oneOf') ?? same[0];
    if (!chosen) return [];
    return [chosen.keyword === 'enum' ? { ...chosen, message: `must be ${chosen.expected}` } : chosen];
  });
}

/** Compiles a JSON Schema (cached by content); returns an error message instead of throwing. */
export function compileJsonSchema(schema: unknown): { readonly validate?: ValidateFunction; readonly error?: string } {
  if (!isSchemaObject(schema)) return { error: 'the schema is not an object' };
  const key = stableKey(schema);
  const cached = key === undefined ? undefined : compiled.get(key);
  if (cached) return cached;
  let result: { validate?: ValidateFunction; error?: string };
  try {
    result = { validate: ajv.compile(withoutDialect(schema)) };
  } catch (error: unknown) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (key !== undefined) {
    if (compiled.size >= cacheLimit) {
      const oldest = compiled.keys().next();
      if (!oldest.done) compiled.delete(oldest.value);
    }
    compiled.set(key, result);
  }
  return result;
}

/** Validates data against a compiled schema and returns every failure. */
export function validateWithSchema(validate: ValidateFunction, data: unknown): ValidationFailure[] {
  try {
    if (validate(data) === true) return [];
    return (validate.errors ?? []).map(toFailure);
  } catch {
    return [];
  }
}

function paramString(error: ErrorObject, key: string): string | undefined {
  const value: unknown = Reflect.get(error.params, key);
  return typeof value === 'string' ? value : undefined;
}

function toFailure(error: ErrorObject): ValidationFailure {
  const property = paramString(error, 'missingProperty') ?? paramString(error, 'additionalProperty');
  let expected = error.message ?? error.keyword;
  if (error.keyword === 'type') {
    const type: unknown = Reflect.get(error.params, 'type');
    expected = Array.isArray(type) ? type.join(' or ') : String(type);
  } else if (error.keyword === 'enum') {
    const allowed: unknown = Reflect.get(error.params, 'allowedValues');
    expected = Array.isArray(allowed) ? `one of ${allowed.map((value: unknown) => JSON.stringify(value)).join(', ')}` : 'an allowed value';
  }
  return {
    instancePath: error.instancePath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
    ...(property !== undefined ? { property } : {}),
    expected,
  };
}
