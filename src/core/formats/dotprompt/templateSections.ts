import type { PromptDocument } from '../../document/promptDocument';
import { templateStatements, type MustacheNode, type TemplateStatement } from './templateModel';
import type { RoleSection } from '../../registry/registryPromptContent';

/** `{{role "system"}}` at the top level of the template, with the role it names. */
function roleMarker(statement: TemplateStatement): { node: MustacheNode; role: string } | undefined {
  if (statement.kind !== 'mustache' || statement.callee.kind !== 'path' || statement.callee.original !== 'role') return undefined;
  const [argument] = statement.params;
  return statement.params.length === 1 && argument?.kind === 'literal' && typeof argument.value === 'string' ? { node: statement, role: argument.value } : undefined;
}

/**
 * The role sections of a prompt's template, split at its top-level `{{role "…"}}` markers; text
 * before the first marker is the `user` section, as dotprompt renders it. Undefined when the
 * template has no role markers (or does not parse), so it is one text.
 */
export function roleSectionsOf(document: PromptDocument): RoleSection[] | undefined {
  const { template, text } = document;
  const markers = (templateStatements(document) ?? []).flatMap((statement) => roleMarker(statement) ?? []);
  if (markers.length === 0) return undefined;
  const sections: RoleSection[] = [];
  let role = 'user';
  let start = 0;
  for (const marker of markers) {
    const markerStart = text.offsetAt(marker.node.range.start) - template.offset;
    sections.push({ role, text: template.source.slice(start, markerStart) });
    role = marker.role;
    start = text.offsetAt(marker.node.range.end) - template.offset;
  }
  sections.push({ role, text: template.source.slice(start) });
  return sections;
}
