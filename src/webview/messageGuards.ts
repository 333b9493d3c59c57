/** Tells whether a value has the type `T`; each field of a webview message gets one. */
export type Guard<T> = (value: unknown) => value is T;

/** A guard for every field of `T`, optional ones included, so a field added to a protocol without a check does not compile. */
export type FieldGuards<T> = { readonly [K in keyof T]-?: Guard<T[K]> };

/** For each `type` of a message union, the guards of its other fields. */
export type MessageGuards<M extends { readonly type: string }> = { readonly [T in M['type']]: FieldGuards<Omit<Extract<M, { readonly type: T }>, 'type'>> };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsMatch(value: Readonly<Record<string, unknown>>, guards: Readonly<Record<string, Guard<unknown>>>): boolean {
  return Object.entries(guards).every(([name, guard]) => guard(value[name]));
}

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isIndex: Guard<number> = (value): value is number => Number.isSafeInteger(value) && typeof value === 'number' && value >= 0;

/** Accepts `undefined` (a field the page leaves out) as well as what `guard` accepts. */
export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

/** An array whose every item passes `guard`. */
export function arrayOf<T>(guard: Guard<T>): Guard<readonly T[]> {
  return (value): value is readonly T[] => Array.isArray(value) && value.every((item) => guard(item));
}

/** An object whose fields pass their guards. */
export function objectOf<T>(guards: FieldGuards<T>): Guard<T> {
  const checks: Readonly<Record<string, Guard<unknown>>> = guards;
  return (value): value is T => isRecord(value) && fieldsMatch(value, checks);
}

/**
 * A guard for a page's messages: an object whose `type` is one the protocol names and whose fields
 * have that message's types. What a page posts is data from another process, checked before use.
 */
export function messageGuard<M extends { readonly type: string }>(guards: MessageGuards<M>): Guard<M> {
  const byType = new Map<string, Readonly<Record<string, Guard<unknown>>>>(Object.entries<Readonly<Record<string, Guard<unknown>>>>(guards));
  return (value): value is M => {
    if (!isRecord(value) || typeof value['type'] !== 'string') return false;
    const checks = byType.get(value['type']);
    return checks !== undefined && fieldsMatch(value, checks);
  };
}
