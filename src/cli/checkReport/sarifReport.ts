import type { Range } from '../../core/document/textDocument';
import type { CheckRun, FindingCode } from './checkFinding';
import type { ReportedFinding } from './githubReport';

const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

const ruleDescriptions: Readonly<Record<FindingCode, string>> = {
  'yaml-syntax': 'The YAML front matter or sample file does not parse.',
  'front-matter-schema': 'A front matter field has the wrong shape.',
  'template-syntax': 'The template does not parse (unclosed or mismatched block or tag, bad mustache, a Jinja tag outside the Prompty subset).',
  'undeclared-variable': 'The template uses a variable the input schema does not declare.',
  'unknown-property': 'The template reads a property the declared object does not have.',
  'unused-variable': 'The input schema declares a variable the template never uses.',
  'missing-sample-value': 'A sample set lacks a required variable.',
  'unknown-sample-key': 'A sample set has a key the input schema does not declare.',
  'sample-type-mismatch': 'A sample value does not match the declared type.',
  'unknown-helper': 'The template calls a helper or filter its engine does not know.',
  'missing-partial': 'The template includes a partial that cannot be found.',
  'missing-file': 'A Prompty ${file:path} reference names a file that does not exist.',
  'partial-cycle': 'Partials include each other in a cycle, so rendering would never end.',
  'duplicate-prompt-id': 'Two prompt files resolve to the same prompt id, so releases could not tell them apart.',
  'unreadable-file': 'The file is binary, not UTF-8, or cannot be read.',
};

function region(range: Range): Record<string, number> {
  // SARIF lines and columns are 1-based; columns count UTF-16 code units by default, as ours do.
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function location(file: string, range: Range): Record<string, unknown> {
  return { physicalLocation: { artifactLocation: { uri: file.split('\\').join('/'), uriBaseId: '%SRCROOT%' }, region: region(range) } };
}

/** A SARIF 2.1.0 log of a check run, for code scanning uploads. */
export function sarifReport(run: CheckRun, toolVersion: string, sourceRoot: string): string {
  return sarifLog(run.findings, ruleDescriptions, toolVersion, sourceRoot);
}

/** A SARIF 2.1.0 log of any findings, with one rule per code of `rules`. */
export function sarifLog(findings: readonly ReportedFinding[], rules: Readonly<Record<string, string>>, toolVersion: string, sourceRoot: string): string {
  const ruleList = Object.entries(rules).map(([id, text]) => ({ id, shortDescription: { text } }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'promptops', version: toolVersion, rules: ruleList } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${sourceRoot.split('\\').join('/').replace(/\/?$/, '/')}` } },
        results: findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: ruleList.findIndex((rule) => rule.id === finding.code),
          level: levels[finding.severity],
          message: { text: finding.message },
          locations: [location(finding.file, finding.range)],
          ...(finding.related && finding.related.length > 0
            ? { relatedLocations: finding.related.map((related, id) => ({ id, ...location(related.file, related.range), message: { text: related.message } })) }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
