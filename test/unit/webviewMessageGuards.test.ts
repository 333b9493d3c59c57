import * as assert from 'node:assert/strict';
import { isFromAuditLog } from '../../src/webview/auditLogProtocol';
import { isFromCanaryReport } from '../../src/webview/canaryReportProtocol';
import { isFromPreview } from '../../src/webview/previewProtocol';

// The messages below are written as the pages post them (src/webview/*.ts), so a guard that refuses
// one would leave a button or the page's report doing nothing.

describe('Webview messages are checked before the extension acts on them', () => {
  describe('preview page', () => {
    it('accepts every message the page posts', () => {
      const posted: unknown[] = [
        { type: 'ready' },
        { type: 'selectSet', name: 'terse' },
        { type: 'customInput', json: '{"question": "Refund?"}' },
        { type: 'clearCustomInput' },
        { type: 'copyJson' },
        { type: 'exactWhitespace', on: true },
        { type: 'reveal', location: { label: 'support.prompt:13:5', uri: 'file:///w/prompts/support.prompt', line: 12, character: 4 } },
        {
          type: 'rendered',
          html: '<div class="card">Hi</div>',
          text: 'Hi',
          elements: ['DIV', 'SPAN'],
          title: 'Preview',
          bodyAttributes: ['class=vscode-dark'],
          cards: [{ role: 'system', text: 'You help Ada.' }, { role: 'user', text: 'Refund?' }],
        },
      ];
      assert.deepEqual(posted.map(isFromPreview), [true, true, true, true, true, true, true, true]);
    });

    it('refuses a field of the wrong type, a missing field, a message it does not know and what is not an object', () => {
      const malformed: unknown[] = [
        { type: 'selectSet', name: 3 },
        { type: 'exactWhitespace', on: 'yes' },
        { type: 'selectSet' },
        { type: 'customInput' },
        { type: 'reveal', location: { label: 'support.prompt:13:5', uri: 'file:///w/prompts/support.prompt', line: -1, character: 4 } },
        { type: 'reveal', location: { label: 'support.prompt:13:5', line: 12, character: 4 } },
        { type: 'rendered', html: '', text: '', elements: ['DIV', 7], title: '', bodyAttributes: [], cards: [] },
        { type: 'rendered', html: '', text: '', elements: [], title: '', bodyAttributes: [], cards: [{ role: 'user' }] },
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        { type: 'toString' },
        { name: 'terse' },
        'ready',
        null,
        ['ready'],
      ];
      assert.deepEqual(malformed.map(isFromPreview), malformed.map(() => false));
    });
  });

  describe('audit log page', () => {
    it('accepts every message the page posts', () => {
      const posted: unknown[] = [
        { type: 'ready' },
        { type: 'compare', index: 0 },
        { type: 'compare', index: 4 },
        { type: 'rendered', html: '<table></table>', text: 'when who', elements: ['TABLE', 'TR'], rows: [['2 days ago', 'ada', 'promote', '86809ef → 668c073']] },
      ];
      assert.deepEqual(posted.map(isFromAuditLog), [true, true, true, true]);
    });

    it('refuses an index that is not a row number, a missing field and a message it does not know', () => {
      const malformed: unknown[] = [
        { type: 'compare', index: '0' },
        { type: 'compare', index: 1.5 },
        { type: 'compare', index: -1 },
        { type: 'compare' },
        { type: 'rendered', html: '', text: '', elements: [] },
        { type: 'rendered', html: '', text: '', elements: [], rows: ['2 days ago'] },
        { type: 'promote' },
        undefined,
      ];
      assert.deepEqual(malformed.map(isFromAuditLog), malformed.map(() => false));
    });
  });

  describe('canary report page', () => {
    it('accepts every message the page posts, with or without a verdict', () => {
      const posted: unknown[] = [
        { type: 'ready' },
        { type: 'promote' },
        { type: 'rollBack' },
        { type: 'chooseOutcomes' },
        { type: 'refresh' },
        { type: 'rendered', text: 'Promote', html: '<p>Promote</p>', elements: ['P'], verdict: 'promote' },
        { type: 'rendered', text: 'No data', html: '<p>No data</p>', elements: ['P'] },
      ];
      assert.deepEqual(posted.map(isFromCanaryReport), [true, true, true, true, true, true, true]);
    });

    it('refuses a verdict that is not text, a missing field and a message it does not know', () => {
      const malformed: unknown[] = [
        { type: 'rendered', text: 'Promote', html: '<p>Promote</p>', elements: ['P'], verdict: 1 },
        { type: 'rendered', text: 'Promote', elements: ['P'] },
        { type: 'rendered', text: 'Promote', html: '<p>Promote</p>', elements: 'P' },
        { type: 'rollback' },
        { type: 'selectSet', name: 'terse' },
        { type: 7 },
        {},
      ];
      assert.deepEqual(malformed.map(isFromCanaryReport), malformed.map(() => false));
    });
  });
});
