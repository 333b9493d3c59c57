import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeText, readListedTextFile, readTextFile } from '../../../src/node/textFiles';

describe('Reading a text file', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-text-'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('keeps a byte order mark and CRLF line breaks as they are', () => {
    const file = path.join(folder, 'bom.prompt');
    fs.writeFileSync(file, Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0d, 0x0a, 0xc3, 0xa9, 0x0a]));
    assert.deepEqual(readTextFile(file), { ok: true, text: '\uFEFFhi\r\n\u00E9\n' });
  });

  it('says where the first byte that is not UTF-8 is, and keeps text that holds U+FFFD itself', () => {
    const invalid = path.join(folder, 'invalid.prompt');
    fs.writeFileSync(invalid, Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x63]));
    assert.deepEqual(readTextFile(invalid), {
      ok: false,
      problem: `${invalid} is not valid UTF-8 text: the byte at line 2, column 2 is not UTF-8.`,
      position: { line: 1, character: 1 },
    });
    const replacement = path.join(folder, 'replacement.prompt');
    fs.writeFileSync(replacement, Buffer.from([0x61, 0xef, 0xbf, 0xbd, 0x62]));
    assert.deepEqual(readTextFile(replacement), { ok: true, text: 'a\uFFFDb' });
  });

  it('gives what decoding the file\'s bytes gives, for any bytes', () => {
    const fragments = [[0x61], [0x0a], [0x0d, 0x0a], [0x0d], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbf, 0xbd], [0x00], [0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]];
    const file = path.join(folder, 'any.prompt');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const bytes = Buffer.from(parts.flat());
        fs.writeFileSync(file, bytes);
        assert.deepEqual(readTextFile(file), decodeText(file, bytes));
        assert.deepEqual(readListedTextFile(file), decodeText(file, bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('a name listed as a regular file that has since become a link to a device or a named pipe is refused, never read or waited on', function () {
    if (process.platform === 'win32') this.skip();
    const device = path.join(folder, 'device.prompt');
    fs.symlinkSync('/dev/zero', device);
    assert.deepEqual(readListedTextFile(device), { ok: false, problem: `${device} is a device, not a regular file, so it is not read.` });
    const pipe = path.join(folder, 'pipe.prompt');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo is available');
    assert.deepEqual(readListedTextFile(pipe), { ok: false, problem: `${pipe} is a named pipe, not a regular file, so it is not read.` });
    const gone = path.join(folder, 'gone.prompt');
    assert.deepEqual(readListedTextFile(gone), { ok: false, problem: `${gone} does not exist.` });
  });
});
