import type { SchemaNodeView } from './schemaNodeView';
import { anyShape, type DeclaredProperty, type ObjectShape, type ScalarType, type SchemaShape } from './schemaShape';

const scalarTypes: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'null']);

function isScalarType(name: string): name is ScalarType {
  return scalarTypes.has(name);
}

function resolvePointer(root: SchemaNodeView, pointer: string): SchemaNodeView | undefined {
  if (pointer === '#' || pointer === '#/') return root;
  if (!pointer.startsWith('#/')) return undefined;
  let node: SchemaNodeView | undefined = root;
  for (const raw of pointer.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node.kind === 'seq' ? node.items()[Number(segment)] : node.get(segment);
    if (!node) return undefined;
  }
  return node;
}

function typeNames(view: SchemaNodeView | undefined): string[] | undefined {
  if (!view) return undefined;
  if (view.kind === 'string' && typeof view.scalar === 'string') return [view.scalar];
  if (view.kind === 'seq') return view.items().flatMap((item) => (typeof item.scalar === 'string' ? [item.scalar] : []));
  return undefined;
}

/** Builds the shape of a JSON Schema, following local `$ref`s; unknown constructs become `any`. */
export function jsonSchemaShape(view: SchemaNodeView, root: SchemaNodeView = view, refs: readonly string[] = []): SchemaShape {
  if (view.kind !== 'map' || refs.length > 32) return anyShape;
  const ref = view.get('$ref');
  if (ref && typeof ref.scalar === 'string') {
    const target = refs.includes(ref.scalar) ? undefined : resolvePointer(root, ref.scalar);
    return target ? jsonSchemaShape(target, root, [...refs, ref.scalar]) : anyShape;
  }
  const enumView = view.get('enum');
  if (enumView?.kind === 'seq') {
    const values = enumView.plain();
    return { kind: 'enum', values: Array.isArray(values) ? values : [] };
  }
  const constView = view.get('const');
  if (constView) return { kind: 'enum', values: [constView.plain()] };

  const declared = typeNames(view.get('type'));
  const nullable = declared?.includes('null') ?? false;
  const nonNull = declared?.filter((name) => name !== 'null');
  const objectLike = nonNull ? nonNull.length === 1 && nonNull[0] === 'object' : view.get('properties')?.kind === 'map';
  const arrayLike = nonNull ? nonNull.length === 1 && nonNull[0] === 'array' : view.get('items')?.kind === 'map';
  if (objectLike) return objectShape(view, root, refs, nullable);
  if (arrayLike) {
    const items = view.get('items');
    return { kind: 'array', items: items ? jsonSchemaShape(items, root, refs) : anyShape, nullable };
  }
  if (declared && declared.length > 0 && declared.every(isScalarType)) {
    return { kind: 'scalar', types: declared.filter(isScalarType) };
  }
  return anyShape;
}

function objectShape(view: SchemaNodeView, root: SchemaNodeView, refs: readonly string[], nullable: boolean): ObjectShape {
  const requiredView = view.get('required');
  const required = new Set(requiredView?.kind === 'seq' ? requiredView.items().flatMap((item) => (typeof item.scalar === 'string' ? [item.scalar] : [])) : []);
  const properties = new Map<string, DeclaredProperty>();
  for (const entry of view.get('properties')?.entries() ?? []) {
    const description = entry.value.get('description')?.scalar;
    const declaration = entry.declarationOf(entry.key);
    properties.set(entry.key, {
      name: entry.key,
      required: required.has(entry.key),
      shape: jsonSchemaShape(entry.value, root, refs),
      ...(typeof description === 'string' ? { description } : {}),
      ...(declaration ? { declaration } : {}),
    });
  }
  const additionalView = view.get('additionalProperties');
  let additional: ObjectShape['additional'] = 'unspecified';
  if (view.get('patternProperties')) additional = anyShape;
  else if (additionalView?.kind === 'boolean') additional = additionalView.scalar === false ? 'forbidden' : anyShape;
  else if (additionalView?.kind === 'map') additional = jsonSchemaShape(additionalView, root, refs);
  return { kind: 'object', properties, additional, nullable };
}
