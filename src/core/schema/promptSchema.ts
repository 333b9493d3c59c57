import type { Range } from '../document/textDocument';
import type { SchemaShape } from './schemaShape';

/** How a prompt writes its input (or output) schema: dotprompt's Picoschema, JSON Schema or a type name, or a Prompty property list. */
export type SchemaForm = 'picoschema' | 'json-schema' | 'type-name' | 'property-list';

/** A prompt's input (or output) schema: the JSON Schema sample sets are validated with, plus the checker's shape. */
export interface PromptSchema {
  readonly form: SchemaForm;
  /** The JSON Schema of a valid input (what dotprompt's `picoschema()` returns for dotprompt). */
  readonly json: unknown;
  readonly shape: SchemaShape;
  /** The schema value in the front matter. */
  readonly range: Range;
  /** The key the schema is written under (`schema`, `inputs`). */
  readonly keyRange: Range;
}
