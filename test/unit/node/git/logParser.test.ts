import * as assert from 'node:assert/strict';
import { createLogParser, type LogRecord } from '../../../../src/node/git/logParser';

const parser = createLogParser({ id: '%H', parents: '%P', date: '%aI', authorName: '%an', authorEmail: '%ae', subject: '%s' });

// Literal output of `git -c core.quotepath=off log --follow --cc --raw --no-abbrev` with the format
// above, on a file renamed from `sp ace/fïle.prompt`, changed on two branches, merged with a
// conflict resolution, and committed once with 0x1E and 0x1D in its subject.
const output =
  '\x1e63f0d5e526b9f8fc4c9026e93b4da0f4c3dfdc73\x00e2db5e069795a5cb5a45b58bd03161a4930ff39c a6ed0941d9ad9fe71cf0ba74861e28be4da8eee7\x002026-11-26T06:43:51+00:00\x00T\x00t@e\x00merge\x00\x00' +
  '::100644 100644 100644 db770a3b033434b17bc09a3637ca6749dd4164f1 d029c25b32ab51afd0373e680bfba2e6c72e7aff 73f2407fe7e089b537768bb1b7ccdb6e5f4104b1 MM\x00renamed.prompt\x00' +
  '\x1e13ed38b8101909e35d1899c02a1ef87d085a400f\x008efa2ed31fa4ffd9a9e2b960359a81e7227a0de2\x002026-11-26T06:43:51+00:00\x00T\x00t@e\x00rename\x00\n' +
  ':100644 100644 61780798228d17af2d34fce4cfbdf35556832472 61780798228d17af2d34fce4cfbdf35556832472 R100\x00sp ace/fïle.prompt\x00renamed.prompt\x00' +
  '\x1e8efa2ed31fa4ffd9a9e2b960359a81e7227a0de2\x007765766e1528d275cdf01e989ad5ed7307fb4d47\x002026-11-26T06:43:51+00:00\x00T\x00t@e\x00second \x1e with sep\x1d and\x00\n' +
  ':100644 100644 78981922613b2afb6025042ff6bd878ac1994e85 61780798228d17af2d34fce4cfbdf35556832472 M\x00sp ace/fïle.prompt\x00' +
  '\x1e7765766e1528d275cdf01e989ad5ed7307fb4d47\x00\x002026-11-26T06:43:51+00:00\x00T\x00t@e\x00first\x00\n' +
  ':000000 100644 0000000000000000000000000000000000000000 78981922613b2afb6025042ff6bd878ac1994e85 A\x00sp ace/fïle.prompt\x00';

const expected: LogRecord<'id' | 'parents' | 'date' | 'authorName' | 'authorEmail' | 'subject'>[] = [
  {
    fields: {
      id: '63f0d5e526b9f8fc4c9026e93b4da0f4c3dfdc73',
      parents: 'e2db5e069795a5cb5a45b58bd03161a4930ff39c a6ed0941d9ad9fe71cf0ba74861e28be4da8eee7',
      date: '2026-11-26T06:43:51+00:00',
      authorName: 'T',
      authorEmail: 't@e',
      subject: 'merge',
    },
    changes: [{ status: 'MM', path: 'renamed.prompt', blob: '73f2407fe7e089b537768bb1b7ccdb6e5f4104b1' }],
  },
  {
    fields: {
      id: '13ed38b8101909e35d1899c02a1ef87d085a400f',
      parents: '8efa2ed31fa4ffd9a9e2b960359a81e7227a0de2',
      date: '2026-11-26T06:43:51+00:00',
      authorName: 'T',
      authorEmail: 't@e',
      subject: 'rename',
    },
    changes: [{ status: 'R100', path: 'renamed.prompt', previousPath: 'sp ace/fïle.prompt', blob: '61780798228d17af2d34fce4cfbdf35556832472' }],
  },
  {
    fields: {
      id: '8efa2ed31fa4ffd9a9e2b960359a81e7227a0de2',
      parents: '7765766e1528d275cdf01e989ad5ed7307fb4d47',
      date: '2026-11-26T06:43:51+00:00',
      authorName: 'T',
      authorEmail: 't@e',
      subject: 'second \x1e with sep\x1d and',
    },
    changes: [{ status: 'M', path: 'sp ace/fïle.prompt', blob: '61780798228d17af2d34fce4cfbdf35556832472' }],
  },
  {
    fields: { id: '7765766e1528d275cdf01e989ad5ed7307fb4d47', parents: '', date: '2026-11-26T06:43:51+00:00', authorName: 'T', authorEmail: 't@e', subject: 'first' },
    changes: [{ status: 'A', path: 'sp ace/fïle.prompt', blob: '78981922613b2afb6025042ff6bd878ac1994e85' }],
  },
];

function parseInPieces(bytes: Buffer, cuts: readonly number[]): LogRecord<string>[] {
  const stream = parser.createStream();
  const records: LogRecord<string>[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    records.push(...stream.push(bytes.subarray(start, cut)));
    start = cut;
  }
  return [...records, ...stream.end()];
}

describe('git log format and parser', () => {
  it('declares the format it parses: -z and NUL-separated fields opened by 0x1E', () => {
    assert.deepEqual(parser.args, ['-z', '--format=%x1E%H%x00%P%x00%aI%x00%an%x00%ae%x00%s']);
  });

  it('reads commits with their path, rename origin and blob, including a merge and a root commit', () => {
    assert.deepEqual(parser.parse(Buffer.from(output, 'utf8')), expected);
  });

  it('keeps separator characters in a subject as they are', () => {
    const [, , second] = parser.parse(Buffer.from(output, 'utf8'));
    assert.equal(second?.fields.subject, 'second \x1e with sep\x1d and');
  });

  it('gives the same records whatever byte a chunk ends on, even inside a unicode character', () => {
    const bytes = Buffer.from(output, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(parseInPieces(bytes, [cut]), expected, `cut at byte ${cut}`);
  });

  it('gives the same records when the output arrives one byte at a time', () => {
    const bytes = Buffer.from(output, 'utf8');
    assert.deepEqual(
      parseInPieces(bytes, Array.from({ length: bytes.length - 1 }, (_, index) => index + 1)),
      expected,
    );
  });

  it('hands out each record as soon as the first field of the next one is in', () => {
    const stream = parser.createStream();
    const bytes = Buffer.from(output, 'utf8');
    const secondRecordId = bytes.indexOf(0, bytes.indexOf(0x1e, 1));
    assert.deepEqual(stream.push(bytes.subarray(0, secondRecordId)), []);
    assert.deepEqual(stream.push(bytes.subarray(secondRecordId, secondRecordId + 1)), [expected[0]]);
  });

  it('reads empty output as no commits', () => {
    assert.deepEqual(parser.parse(new Uint8Array()), []);
  });

  it('reads a commit without file changes when the format is used without --raw', () => {
    const idOnly = createLogParser({ id: '%H' });
    assert.deepEqual(idOnly.parse(Buffer.from('\x1eaaa\x00\x1ebbb\x00')), [
      { fields: { id: 'aaa' }, changes: [] },
      { fields: { id: 'bbb' }, changes: [] },
    ]);
  });
});
