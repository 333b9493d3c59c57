import type { TemplateAnalysis } from '../../checks/templateAnalysis';
import { createDiagnostic } from '../../document/promptDiagnostic';
import type { PromptDocument } from '../../document/promptDocument';
import type { PromptFormat } from '../promptFormat';
import { JinjaSource, JinjaWalker } from './jinjaTemplate';
import { declareInputsEdits, removeInputEdits } from './languageService/inputDeclarationEdits';
import { promptyLanguageService } from './languageService/promptyLanguageService';
import { walkMustache } from './mustacheTemplate';
import { isPromptyDocument, parsePromptyDocument, promptyFrontMatterSpan } from './promptyDocument';
import { renderPrompty } from './promptyRenderer';
import { PromptyUseResolver } from './promptyUses';
import { promptyFileOf } from './promptyRegistryFile';
import { promptyRegistryTemplate } from './promptyRegistryTemplate';
import { referencedFileCandidates } from './referencedFiles';

function analyzePrompty(document: PromptDocument, options: { readonly partialExists?: (name: string) => boolean }): TemplateAnalysis | undefined {
  if (!isPromptyDocument(document) || !document.template.parsed) return undefined;
  const shape = document.inputSchema?.shape;
  const resolver = new PromptyUseResolver(document.path, shape?.kind === 'object' ? shape : undefined);
  const placed = { document: document.text, file: document.path, offset: document.template.offset, source: document.template.source };
  if (document.template.kind === 'mustache') {
    const tokens: unknown = document.template.tree;
    walkMustache(placed, Array.isArray(tokens) ? tokens : [], resolver);
  } else new JinjaWalker(document.template.jinja ?? new JinjaSource(document.text, document.path, placed.offset, placed.source), resolver).walk(document.template.tree);
  for (const name of document.boundInputs) resolver.markUsed(name);
  const missing = options.partialExists
    ? document.fileReferences
        .filter((reference) => options.partialExists?.(reference.path) === false)
        .map((reference) => createDiagnostic(document.path, reference.range, 'missing-file', `The file '${reference.path}' this prompt references does not exist.`, { data: { code: 'missing-file', name: reference.path } }))
    : [];
  return resolver.analysis(missing);
}

/** Prompty `.prompty` files: YAML front matter with `inputs`, a Jinja2 (nunjucks) or mustache body split into messages on role lines. */
export const promptyFormat: PromptFormat = {
  language: 'prompty',
  extension: '.prompty',
  inputsNoun: 'inputs',
  includeNoun: 'file',
  frontMatterSpan(text) {
    const span = promptyFrontMatterSpan(text);
    return span && !('unclosed' in span) ? { start: span.start, end: span.end } : undefined;
  },
  parse: parsePromptyDocument,
  readErrors: (document) => document.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && (diagnostic.code === 'yaml-syntax' || diagnostic.code === 'template-syntax')),
  analyze: analyzePrompty,
  includes: (document) => (isPromptyDocument(document) ? document.fileReferences.map((reference) => ({ name: reference.path, range: reference.range })) : []),
  includesOfIncluded: () => [],
  includeCandidates: referencedFileCandidates,
  render: renderPrompty,
  languageService: { ...promptyLanguageService, declareVariablesEdits: declareInputsEdits, removeVariableEdits: removeInputEdits },
  registryTemplate: promptyRegistryTemplate,
  registryFile: promptyFileOf,
};
