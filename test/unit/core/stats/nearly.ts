import * as assert from 'node:assert/strict';

/** Asserts `actual` equals `expected` up to floating-point noise (1e-9), naming the quantity when it does not. */
export function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} is not ${expected}`);
}
