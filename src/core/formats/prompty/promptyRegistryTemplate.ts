import { frontMatterValues } from '../../document/frontMatterValues';
import type { PromptDocument } from '../../document/promptDocument';
import type { RegistryTemplate, UnportableFeature } from '../promptFormat';
import { promptyRegistryConfig } from './promptyRegistryFile';
import { roleLinesOf } from './roleSections';

const registryRoles: Readonly<Record<string, string>> = { developer: 'system' };

/**
 * The features of a Prompty body a registry compiling plain `{{variable}}` placeholders will not
 * reproduce: Jinja statements, comments and filters, mustache sections, partials and raw tags.
 */
function unportableFeatures(document: PromptDocument): UnportableFeature[] {
  const { template, text } = document;
  const features: UnportableFeature[] = [];
  const pattern = template.kind === 'mustache' ? /\{\{\s*([#^/>!&{=])[\s\S]*?\}\}\}?/g : /\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|\{\{[^}]*\|[^}]*\}\}/g;
  for (const match of template.source.matchAll(pattern)) {
    const written = match[0];
    const start = template.offset + match.index;
    const kind: UnportableFeature['kind'] = written.startsWith('{#') || match[1] === '!' ? 'comment' : written.startsWith('{%') ? 'statement' : match[1] === '>' ? 'partial' : match[1] === '{' || match[1] === '&' ? 'raw' : template.kind === 'mustache' ? 'block' : 'filter';
    features.push({ kind, tag: written.length > 60 ? `${written.slice(0, 57)}…` : written, range: text.rangeAt(start, start + written.length) });
  }
  return features;
}

/** A Prompty prompt as a registry stores it: a chat message per role section, or one text without role lines. */
export function promptyRegistryTemplate(document: PromptDocument): RegistryTemplate {
  const source = document.template.source;
  const lines = roleLinesOf(source);
  const lead = source.slice(0, lines[0]?.start ?? source.length);
  const sections =
    lines.length === 0
      ? undefined
      : [
          ...(lead.trim() !== '' ? [{ role: 'system', text: lead }] : []),
          ...lines.map((line, index) => ({ role: registryRoles[line.role] ?? line.role, text: source.slice(line.contentStart, lines[index + 1]?.start ?? source.length) })),
        ];
  const noun = document.template.kind === 'mustache' ? 'mustache feature' : 'Jinja feature';
  return {
    sections,
    text: source,
    unportable: unportableFeatures(document),
    featureNoun: noun,
    config: promptyRegistryConfig(frontMatterValues(document)),
    describe: (feature, registryName) => `${feature.tag} is a ${noun} (${feature.kind}) that ${registryName} does not render; the registry version would differ from the file.`,
  };
}
