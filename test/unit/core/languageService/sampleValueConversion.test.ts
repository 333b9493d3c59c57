import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { convertedSampleValue } from '../../../../src/core/languageService/sampleValueConversion';

describe('converting a sample value to the type its schema expects', () => {
  it('turns text that says a number, an integer or a boolean into that value, and a number into quoted text', () => {
    const cases: [unknown, string, string | undefined][] = [
      ['14', 'integer', '14'],
      [' -3 ', 'integer', '-3'],
      ['+7', 'integer', '7'],
      [14, 'integer', '14'],
      [1.5, 'integer', undefined],
      ['1.5', 'integer', undefined],
      ['99999999999999999999', 'integer', undefined],
      ['fourteen', 'integer', undefined],
      ['2.50', 'number', '2.5'],
      ['.5', 'number', '0.5'],
      ['1e3', 'number', '1000'],
      ['1e999', 'number', undefined],
      ['NaN', 'number', undefined],
      ['TRUE', 'boolean', 'true'],
      [' False ', 'boolean', 'false'],
      ['yes', 'boolean', undefined],
      [true, 'boolean', undefined],
      [14, 'string', '"14"'],
      [false, 'string', '"false"'],
      ['already text', 'string', undefined],
      [null, 'null', undefined],
      ['14', 'string or null', undefined],
      ['14', 'integer or null', '14'],
      ['true', 'integer or boolean', 'true'],
      ['14', 'object', undefined],
    ];
    for (const [value, expected, text] of cases) assert.equal(convertedSampleValue(value, expected), text, `${JSON.stringify(value)} as ${expected}`);
  });

  it('gives YAML that reads back as a value of the expected type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.boolean(), fc.constantFrom('true', 'FALSE', '12', '-0')), fc.constantFrom('integer', 'number', 'boolean', 'string'), (value, expected) => {
        const text = convertedSampleValue(value, expected);
        if (text === undefined) return;
        const read: unknown = parse(text);
        const kind = typeof read;
        if (expected === 'integer') assert.ok(Number.isInteger(read), text);
        else if (expected === 'number') assert.equal(kind, 'number', text);
        else assert.equal(kind, expected, text);
      }),
    );
  });
});
