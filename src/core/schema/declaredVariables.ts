import type { PromptDocument } from '../document/promptDocument';
import { describeShape, type Declaration, type SchemaShape } from './schemaShape';
import type { Range } from '../document/textDocument';

/** A top-level input variable as hovers, completion and rename need it. */
export interface DeclaredVariable {
  readonly name: string;
  readonly required: boolean;
  /** The type as written for people: `string`, `array of object`, `one of "a", "b"`. */
  readonly type: string;
  readonly shape: SchemaShape;
  readonly description?: string;
  /** Where the schema declares it; absent for variables of a resolved named schema. */
  readonly declaration?: Declaration;
  /** Its value in `input.default`, with where that is written. */
  readonly default?: { readonly value: unknown; readonly keyRange: Range; readonly valueRange: Range };
}

/** Lists the input schema's top-level variables with type, description, default and declaration ranges. */
export function listDeclaredVariables(document: PromptDocument): DeclaredVariable[] {
  const shape = document.inputSchema?.shape;
  if (shape?.kind !== 'object') return [];
  const defaults = document.inputDefaults;
  return [...shape.properties.values()].map((property) => {
    const key = defaults?.keys.get(property.name);
    const defaultValue = key && defaults ? { value: defaults.value[property.name], keyRange: key.keyRange, valueRange: key.valueRange } : undefined;
    return {
      name: property.name,
      required: property.required,
      type: describeShape(property.shape),
      shape: property.shape,
      ...(property.description !== undefined ? { description: property.description } : {}),
      ...(property.declaration ? { declaration: property.declaration } : {}),
      ...(defaultValue ? { default: defaultValue } : {}),
    };
  });
}
