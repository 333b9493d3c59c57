import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { DiagnosticSeverity } from '../../core/document/promptDiagnostic';
import type { Range } from '../../core/document/textDocument';
import type { CheckRun } from './checkFinding';

/** What a report prints of a finding: `check`'s diagnostics and `status`'s manifest problems alike. */
export interface ReportedFinding {
  readonly file: string;
  readonly range: Range;
  readonly severity: DiagnosticSeverity;
  readonly code: string;
  readonly message: string;
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
}

// GitHub workflow commands: data escapes %, CR, LF; properties also escape : and ,. Other control
// characters from the user's files are made visible first: the log would print them raw.
function escapeData(text: string): string {
  return escapeControlCharacters(text).replace(/%/g, '%25');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const commands = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** One workflow command per finding, so GitHub Actions annotates the pull request's lines. */
export function githubReport(run: CheckRun): string {
  return githubAnnotations(run.findings);
}

/** The workflow commands of any findings. */
export function githubAnnotations(findings: readonly ReportedFinding[]): string {
  return findings
    .map((finding) => {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(finding.file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`promptops ${finding.code}`)}`,
      ];
      return `::${commands[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`;
    })
    .join('');
}
