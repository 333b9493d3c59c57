import { isSeq } from 'yaml';
import type { CheckOptions } from '../../../checks/checkPrompt';
import { knownHelperNames } from '../knownHelpers';
import type { PromptDocument } from '../../../document/promptDocument';
import type { SampleFile } from '../../../samples/sampleSets';
import type { DeclaredProperty } from '../../../schema/schemaShape';
import type { TemplateAnalysis } from '../../../checks/templateAnalysis';
import type { Range } from '../../../document/textDocument';
import { yamlMapGet } from '../../../document/yamlSource';
import { templateRegion } from './blockScope';
import { findSchemaKey, inputSchemaYaml } from './inputSchemaYaml';
import { renameKeyEdits } from '../../../languageService/inputValueEdits';
import { declaredProperties, dedupeEdits, problemAfterRename, refuseRename, type PrepareRenameResult, type RenameResult } from '../../../languageService/renameEdits';
import { groupEdits, type TextEdit } from '../../../languageService/textEdits';
import { closingSegmentRange, partialAt, pathAt, rangeHolds, sectionOf, segmentNameRange, templateUses } from './templatePaths';
import { nameInScalar } from '../../../languageService/yamlEdits';

interface RenameTarget {
  readonly property: DeclaredProperty;
  readonly range: Range;
}

type Found = { readonly ok: true; readonly target: RenameTarget } | { readonly ok: false; readonly message: string };

const refuse = refuseRename;
const nowhere = "Place the cursor on an input variable or a property of one (in the template or on its schema key) to rename it.";
const reservedNames = new Set(['this', 'else', 'true', 'false', 'null', 'undefined', 'as']);

/** Finds what a rename at an offset would rename, or says why nothing can be. */
function findTarget(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): Found {
  const text = document.text;
  if (offset < templateRegion(document).start) {
    const declared = declaredProperties(document.inputSchema?.shape).find(({ property }) => property.declaration && rangeHolds(text, property.declaration.nameRange, offset));
    if (declared?.property.declaration) return { ok: true, target: { property: declared.property, range: declared.property.declaration.nameRange } };
    const schema = document.inputSchema?.shape;
    for (const key of document.inputDefaults?.keys.values() ?? []) {
      const property = schema?.kind === 'object' ? schema.properties.get(key.name) : undefined;
      if (property && rangeHolds(text, key.keyRange, offset)) return { ok: true, target: { property, range: key.keyRange } };
    }
    return refuse(nowhere);
  }
  const partial = partialAt(document, offset);
  if (partial?.name !== undefined) return refuse(`'${partial.name}' is a partial; rename its file (_${partial.name}.prompt) instead.`);
  const found = pathAt(document, analysis, offset);
  const index = found?.segmentIndex;
  const segment = index === undefined ? undefined : found?.path.segments[index];
  if (!found || index === undefined || !segment) return refuse(nowhere);
  const { path, use } = found;
  if (!use) return refuse(`'${segment.name}' is a helper, not a variable; only input variables and their properties can be renamed.`);
  if (use.origin === 'data' || (path.data && index === 0)) return refuse(`'@${segment.name}' is a Handlebars data variable; its name is fixed.`);
  if (use.origin === 'block-param' && index === 0) return refuse(`'${segment.name}' is a block parameter, local to its block; rename it in its 'as |${segment.name}|' and the block by hand.`);
  const property = use.declarations[index];
  if (!property) {
    return refuse(
      document.inputSchema
        ? `'${segment.name}' is not declared in the input schema, so there is no declaration to rename; declare it first.`
        : `This prompt has no input schema, so '${segment.name}' has no declaration to rename; declare the input schema first.`,
    );
  }
  if (!property.declaration) return refuse(`'${segment.name}' comes from a schema defined outside this file, so it cannot be renamed here.`);
  const range = segmentNameRange(text, segment);
  if (!range) return refuse(`PromptOps cannot tell where '${segment.name}' is written in '${path.original}'.`);
  return { ok: true, target: { property, range } };
}

/** Checks whether a rename can start at an offset and returns the name to edit. */
export function handlebarsPrepareRename(document: PromptDocument, analysis: TemplateAnalysis | undefined, offset: number): PrepareRenameResult {
  const found = findTarget(document, analysis, offset);
  return found.ok ? { ok: true, range: found.target.range, placeholder: found.target.property.name } : found;
}

/**
 * Renames an input variable (or a declared property) everywhere it is named: every template use
 * that resolves to it (`@root.x`, `../x` included; shadowing block parameters and item properties
 * excluded), sections' closing tags, the schema key (and JSON Schema `required`), `input.default`
 * and every set of the sample file. Refuses helpers, data variables, block parameters, invalid or
 * clashing names, and renames that would make the checker report something new.
 */
export function handlebarsRenameEdits(
  document: PromptDocument,
  samples: SampleFile | undefined,
  analysis: TemplateAnalysis | undefined,
  offset: number,
  newName: string,
  options: CheckOptions = {},
): RenameResult {
  const found = findTarget(document, analysis, offset);
  if (!found.ok) return found;
  const { property } = found.target;
  const oldName = property.name;
  if (newName === oldName) return { ok: true, edits: [] };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) {
    return refuse(`'${newName}' cannot be a variable name: use letters, digits and underscores, starting with a letter or an underscore.`);
  }
  if (reservedNames.has(newName)) return refuse(`'${newName}' is a Handlebars keyword and cannot name a variable.`);
  if (knownHelperNames(options.helpers).has(newName)) return refuse(`'${newName}' is a helper name; {{${newName}}} would call the helper instead of reading the variable.`);
  const places = declaredProperties(document.inputSchema?.shape).filter((candidate) => candidate.property === property);
  if (places.length === 0 || !analysis) return refuse(`PromptOps cannot rename '${oldName}' while the template does not parse.`);
  if (places.some(({ owner }) => owner.properties.has(newName))) return refuse(`'${newName}' is already declared next to '${oldName}'.`);

  const uses = templateUses(document, analysis);
  if (analysis.uses.some((use) => !uses.has(use.path) && use.declarations.includes(property))) {
    return refuse(`A partial this prompt includes reads '${oldName}', and PromptOps does not edit partials; rename it by hand.`);
  }
  if (analysis.hasOpaquePartial) return refuse(`This prompt includes a partial PromptOps cannot read, which may use '${oldName}'; rename it by hand.`);
  if (new RegExp(`\\blookup\\b[^}]*["']${oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(templateRegion(document).text)) {
    return refuse(`The template looks '${oldName}' up by name with lookup; rename it by hand.`);
  }

  const edits: { path: string; edit: TextEdit }[] = [];
  const promptEdit = (range: Range): void => void edits.push({ path: document.path, edit: { range, newText: newName } });
  for (const [path, use] of uses) {
    use.declarations.forEach((declaration, index) => {
      const segment = path.segments[index];
      if (declaration !== property || !segment) return;
      const range = segmentNameRange(document.text, segment);
      if (range) promptEdit(range);
      const section = sectionOf(document, path);
      const closing = section ? closingSegmentRange(document.text, section, index) : undefined;
      if (closing) promptEdit(closing);
    });
  }
  if (property.declaration) promptEdit(property.declaration.nameRange);
  const yaml = inputSchemaYaml(document);
  const keyRange = property.declaration?.keyRange;
  const owner = yaml && keyRange ? findSchemaKey(yaml.source, yaml.schema?.value, keyRange)?.owner : undefined;
  const required = owner ? yamlMapGet(owner, 'required')?.value : undefined;
  if (yaml && isSeq(required)) {
    for (const item of required.items) {
      const range = nameInScalar(yaml.source, item, oldName);
      if (range && document.text.text.slice(document.text.offsetAt(range.start), document.text.offsetAt(range.end)) === oldName) promptEdit(range);
    }
  }
  const defaults = document.inputDefaults;
  for (const { steps } of places) {
    if (defaults) for (const edit of renameKeyEdits(defaults.source, defaults.node, steps, oldName, newName)) edits.push({ path: document.path, edit });
    for (const set of samples?.sets ?? []) {
      for (const edit of renameKeyEdits(set.values.source, set.values.node, steps, oldName, newName)) {
        edits.push({ path: set.values.source.file, edit });
      }
    }
  }
  const grouped = groupEdits(dedupeEdits(edits));
  const problem = problemAfterRename(document, samples, analysis, grouped, options);
  if (problem) return refuse(`Renaming '${oldName}' to '${newName}' would break the prompt: ${problem.message}`);
  return { ok: true, edits: grouped };
}


