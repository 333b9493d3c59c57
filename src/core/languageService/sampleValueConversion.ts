/** A JSON Schema type name, as the schema validation reports what it expected (`integer`, `string or null`). */
type ScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'null';

const integerText = /^[+-]?\d+$/;
const numberText = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function converted(value: unknown, type: ScalarType): string | undefined {
  switch (type) {
    case 'integer':
      if (typeof value === 'string' && integerText.test(value.trim()) && Number.isSafeInteger(Number(value))) return String(Number(value));
      if (typeof value === 'number' && Number.isInteger(value)) return String(value);
      return undefined;
    case 'number':
      if (typeof value === 'string' && numberText.test(value.trim()) && Number.isFinite(Number(value))) return String(Number(value));
      return undefined;
    case 'boolean':
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase();
      return undefined;
    case 'string':
      // Quoted, so YAML reads the text and not a number or a boolean again.
      if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(String(value));
      return undefined;
    case 'null':
      return undefined;
  }
}

/**
 * The YAML text of a sample value converted to the type a schema expected, when the value says the
 * same thing in that type (`"14"` → `14`, `"true"` → `true`, `14` → `"14"`); undefined when it does not
 * (`"fourteen"` is no integer). `expected` is the validator's type list, e.g. `integer or null`.
 */
export function convertedSampleValue(value: unknown, expected: string): string | undefined {
  for (const type of expected.split(' or ')) {
    if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean' || type === 'null') {
      const text = converted(value, type);
      if (text !== undefined) return text;
    }
  }
  return undefined;
}
