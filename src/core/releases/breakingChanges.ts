import type { PromptDocument } from '../document/promptDocument';
import { describeShape, type ObjectShape, type ScalarType, type SchemaShape } from '../schema/schemaShape';

/** How a new version's input can break callers written for the labelled one. */
export type BreakingChangeKind = 'added-without-default' | 'now-required' | 'removed' | 'type-changed';

/** One input change that can break callers, with the variable's path (`customer.plan`, `items[]`). */
export interface BreakingChange {
  readonly kind: BreakingChangeKind;
  readonly variable: string;
  readonly message: string;
}

/**
 * Compares the input schema of the version a label serves with the one about to replace it and
 * lists what can break the callers: a required variable added without a default (or an optional
 * one made required), a variable removed, or a type narrowed or changed. Widening (string to string
 * or null, an enum gaining values) and optional additions are not breaking. Without a schema on
 * both sides nothing can be compared, so nothing is reported.
 */
export function findBreakingChanges(before: PromptDocument, after: PromptDocument): BreakingChange[] {
  const beforeShape = before.inputSchema?.shape;
  const afterShape = after.inputSchema?.shape;
  if (beforeShape?.kind !== 'object' || afterShape?.kind !== 'object') return [];
  const changes: BreakingChange[] = [];
  compareObjects(beforeShape, afterShape, '', after.inputDefaults?.value, changes);
  return changes;
}

function compareObjects(before: ObjectShape, after: ObjectShape, prefix: string, defaults: unknown, changes: BreakingChange[]): void {
  for (const [name, property] of before.properties) {
    const variable = `${prefix}${name}`;
    const next = after.properties.get(name);
    if (!next) {
      changes.push({ kind: 'removed', variable, message: `'${variable}' is no longer an input, so callers that send it no longer change the prompt.` });
      continue;
    }
    // An optional property may be null or absent; being required instead is reported as now-required, not as a type change.
    const beforeShape = property.required || next.required === property.required ? property.shape : withoutNull(property.shape);
    compareShapes(beforeShape, next.shape, variable, defaultAt(defaults, name), changes);
    if (!property.required && next.required && !hasDefault(defaults, name)) {
      changes.push({ kind: 'now-required', variable, message: `'${variable}' is now required and has no default, so callers that do not send it break.` });
    }
  }
  for (const [name, property] of after.properties) {
    if (before.properties.has(name) || !property.required || hasDefault(defaults, name)) continue;
    const variable = `${prefix}${name}`;
    changes.push({ kind: 'added-without-default', variable, message: `'${variable}' is a new required input without a default, so callers that do not send it break.` });
  }
}

function withoutNull(shape: SchemaShape): SchemaShape {
  if (shape.kind === 'scalar') {
    const types = shape.types.filter((type) => type !== 'null');
    return types.length > 0 ? { kind: 'scalar', types } : shape;
  }
  if (shape.kind === 'object' || shape.kind === 'array') return { ...shape, nullable: false };
  return shape;
}

function compareShapes(before: SchemaShape, after: SchemaShape, variable: string, defaults: unknown, changes: BreakingChange[]): void {
  if (before.kind === 'any' || after.kind === 'any') return;
  if (before.kind === 'object' && after.kind === 'object') {
    if (before.nullable && !after.nullable) changes.push(typeChange(variable, before, after));
    compareObjects(before, after, `${variable}.`, defaults, changes);
    return;
  }
  if (before.kind === 'array' && after.kind === 'array') {
    if (before.nullable && !after.nullable) changes.push(typeChange(variable, before, after));
    compareShapes(before.items, after.items, `${variable}[]`, undefined, changes);
    return;
  }
  if (!accepts(after, before)) changes.push(typeChange(variable, before, after));
}

/** Whether every value `before` allows is still allowed by `after` (scalar and enum shapes). */
function accepts(after: SchemaShape, before: SchemaShape): boolean {
  const valuesOf = (shape: SchemaShape): readonly unknown[] | undefined => (shape.kind === 'enum' ? shape.values : undefined);
  if (after.kind === 'scalar') {
    if (before.kind === 'scalar') return before.types.every((type) => acceptsType(after.types, type));
    const values = valuesOf(before);
    return values !== undefined && values.every((value) => acceptsType(after.types, scalarTypeOf(value)));
  }
  if (after.kind === 'enum') {
    const values = valuesOf(before);
    return values !== undefined && values.every((value) => after.values.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value)));
  }
  return false;
}

function acceptsType(types: readonly ScalarType[], type: ScalarType | undefined): boolean {
  if (type === undefined) return false;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function scalarTypeOf(value: unknown): ScalarType | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return undefined;
}

function typeChange(variable: string, before: SchemaShape, after: SchemaShape): BreakingChange {
  return { kind: 'type-changed', variable, message: `'${variable}' changes type from ${describeShape(before)} to ${describeShape(after)}.` };
}

function defaultAt(defaults: unknown, name: string): unknown {
  return isRecord(defaults) && Object.hasOwn(defaults, name) ? defaults[name] : undefined;
}

function hasDefault(defaults: unknown, name: string): boolean {
  return isRecord(defaults) && Object.hasOwn(defaults, name) && defaults[name] !== undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
