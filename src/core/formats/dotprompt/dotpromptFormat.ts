import { frontMatterValues } from '../../document/frontMatterValues';
import { promptFileOf, registryConfigOf } from '../../registry/registryPromptContent';
import type { PromptFormat } from '../promptFormat';
import { parseDotpromptDocument } from './dotpromptDocument';
import { analyzeTemplate } from './handlebarsAnalysis';
import { handlebarsCompletionsAt } from './languageService/completions';
import { handlebarsDefinitionsAt } from './languageService/definitions';
import { handlebarsHoverAt } from './languageService/hoverInfo';
import { handlebarsPrepareRename, handlebarsRenameEdits } from './languageService/renameEdits';
import { declareVariablesEdits, removeVariableEdits } from './languageService/schemaDeclarationEdits';
import { handlebarsPathRangeAt, handlebarsReplaceNameEdits, handlebarsTypeFromTemplate } from './languageService/templateEdits';
import { splitFrontMatter } from './frontMatterSplit';
import { includedPartials, partialsOfPartial } from './partialGraph';
import { isPlausiblePartialName, partialCandidates } from './partialPaths';
import { renderPrompt } from './promptRenderer';
import { parsePromptSyntax, promptSyntaxErrors } from './promptSyntax';
import { unportableFeaturesOf, unportableFeatureSentence } from './registryTemplateFeatures';
import { templateStatements } from './templateModel';
import { roleSectionsOf } from './templateSections';

/** dotprompt `.prompt` files: YAML front matter and a Handlebars template, rendered by the `dotprompt` library as Genkit renders them. */
export const dotpromptFormat: PromptFormat = {
  language: 'dotprompt',
  extension: '.prompt',
  inputsNoun: 'the input schema',
  includeNoun: 'partial',
  frontMatterSpan: (text) => splitFrontMatter(text).yaml,
  parse: parseDotpromptDocument,
  readErrors: (document) => promptSyntaxErrors(parsePromptSyntax(document.text.text, document.path)),
  analyze(document, options) {
    const statements = templateStatements(document);
    return statements ? analyzeTemplate(document.path, statements, document.inputSchema?.shape, options) : undefined;
  },
  includes: (document) => includedPartials(templateStatements(document) ?? []),
  includesOfIncluded: partialsOfPartial,
  includeCandidates: (promptPath, name, root) => (isPlausiblePartialName(name) ? partialCandidates(promptPath, name, root) : []),
  render: ({ document, input, includes }) => renderPrompt({ source: document.text.text, input, partials: includes }),
  languageService: {
    completionsAt: handlebarsCompletionsAt,
    hoverAt: handlebarsHoverAt,
    definitionsAt: handlebarsDefinitionsAt,
    prepareRename: handlebarsPrepareRename,
    renameEdits: handlebarsRenameEdits,
    declareVariablesEdits,
    removeVariableEdits,
    replaceNameEdits: handlebarsReplaceNameEdits,
    pathRangeAt: handlebarsPathRangeAt,
    typeFromTemplate: handlebarsTypeFromTemplate,
  },
  registryTemplate: (document) => ({
    sections: roleSectionsOf(document),
    text: document.template.source,
    unportable: unportableFeaturesOf(document),
    featureNoun: 'Handlebars feature',
    config: registryConfigOf(frontMatterValues(document)),
    describe: unportableFeatureSentence,
  }),
  registryFile: (version, name) => ({ ok: true, text: promptFileOf(version, name) }),
};
