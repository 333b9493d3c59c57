import { closestName } from '../../checks/nameSuggestion';
import type { HelperCall, PathSegment, TemplateAnalysis, VariablePath, VariableUse } from '../../checks/templateAnalysis';
import { createDiagnostic, type PromptDiagnostic } from '../../document/promptDiagnostic';
import type { Range } from '../../document/textDocument';
import { describeShapeWithArticle, lookupProperty, type DeclaredProperty, type ObjectShape, type SchemaShape } from '../../schema/schemaShape';

/** What a name in scope stands for: a loop or `set` variable (with its shape when known), or a data variable such as `loop`. */
export interface ScopedName {
  readonly origin: 'block-param' | 'block-context' | 'data';
  readonly shape: SchemaShape | undefined;
  readonly declaration?: DeclaredProperty;
  /** The input variable the name stands for a part of (`item` in `{% for item in items %}` is part of `items`). */
  readonly variable?: string;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Resolves the paths a Prompty template reads against the declared inputs, with the scoping the
 * template language gives (loop variables, sections), into the neutral TemplateAnalysis.
 */
export class PromptyUseResolver {
  private readonly uses: VariableUse[] = [];
  private readonly used = new Set<string>();
  private readonly undeclared: PathSegment[] = [];
  private readonly helperCalls: HelperCall[] = [];
  readonly diagnostics: PromptDiagnostic[] = [];

  /** `root` is the declared inputs, undefined when the file declares none (then every name is an input). */
  constructor(
    private readonly file: string,
    private readonly root: ObjectShape | undefined,
  ) {}

  /** Records a filter or function call (`| upper`, `range(3)`). */
  call(name: string, range: Range, known: boolean): void {
    this.helperCalls.push({ name, range, known });
    if (!known) {
      this.diagnostics.push(createDiagnostic(this.file, range, 'unknown-helper', `'${name}' is not a filter Prompty's Jinja knows.`, { data: { code: 'unknown-helper', name } }));
    }
  }

  /** Counts an input as used by something other than the template (a tool binding). */
  markUsed(name: string): void {
    this.used.add(name);
  }

  /** Whether a top-level name is a declared input. */
  isInput(name: string): boolean {
    return this.root === undefined || this.root.properties.has(name);
  }

  /** The shape of a declared input, undefined when unknown. */
  inputShape(name: string): SchemaShape | undefined {
    return this.root?.properties.get(name)?.shape;
  }

  /**
   * Resolves a path; `scoped` is what its first name stands for in scope (undefined: an input).
   * Returns the shape the path reaches, undefined when unknown.
   */
  resolve(path: VariablePath, scoped: ScopedName | undefined): SchemaShape | undefined {
    const segments = path.segments;
    const first = segments[0];
    if (!first) return undefined;
    const declarations: (DeclaredProperty | undefined)[] = [];
    let shape: SchemaShape | undefined;
    let variable: string | undefined;
    if (scoped) {
      shape = scoped.shape;
      variable = scoped.variable;
      declarations.push(scoped.declaration);
    } else {
      variable = first.name;
      this.used.add(first.name);
      if (this.root) {
        const declared = lookupProperty(this.root, first.name);
        if (!declared) {
          this.undeclared.push(first);
          const suggestion = closestName(first.name, this.root.properties.keys());
          const suggested = suggestion === undefined ? undefined : this.root.properties.get(suggestion);
          this.diagnostics.push(
            createDiagnostic(this.file, first.range, 'undeclared-variable', `'${first.name}' is not declared in inputs${suggestion ? `; did you mean '${suggestion}'?` : '.'}`, {
              related: suggested?.declaration ? [{ file: this.file, range: suggested.declaration.nameRange, message: `'${suggested.name}' is declared here.` }] : [],
              data: { code: 'undeclared-variable', name: first.name, ...(suggestion ? { suggestion } : {}) },
            }),
          );
          this.uses.push({ path, variable, declarations: [undefined], origin: 'input' });
          return undefined;
        }
        shape = declared.shape;
        declarations.push(declared.property);
      } else declarations.push(undefined);
    }
    let written = first.name;
    let stopped = false;
    // Indexed from the second segment: a rest copy per path showed in `check`'s profile.
    for (let index = 1; index < segments.length; index++) {
      const segment = segments[index];
      if (!segment) continue;
      if (stopped) {
        declarations.push(undefined);
        continue;
      }
      const label = `'${written}'`;
      written = `${written}.${segment.name}`;
      if (shape?.kind === 'object') {
        const found = lookupProperty(shape, segment.name);
        if (found) {
          shape = found.shape;
          declarations.push(found.property);
          continue;
        }
        const suggestion = closestName(segment.name, shape.properties.keys());
        this.diagnostics.push(
          createDiagnostic(this.file, segment.range, 'unknown-property', `${capitalise(label)} has no property '${segment.name}'${suggestion ? `; did you mean '${suggestion}'?` : '.'}`, {
            severity: shape.additional === 'forbidden' ? 'error' : 'warning',
            data: { code: 'unknown-property', path: written, property: segment.name, ...(suggestion ? { suggestion } : {}) },
          }),
        );
      } else if (shape?.kind === 'array' && /^\d+$/.test(segment.name)) {
        shape = shape.items;
        declarations.push(undefined);
        continue;
      } else if (shape?.kind === 'array') {
        this.diagnostics.push(
          createDiagnostic(this.file, segment.range, 'unknown-property', `${capitalise(label)} is ${describeShapeWithArticle(shape)}, so it has no property '${segment.name}'; loop over it with {% for %}.`, {
            severity: 'warning',
            data: { code: 'unknown-property', path: written, property: segment.name },
          }),
        );
      }
      shape = undefined;
      stopped = true;
      declarations.push(undefined);
    }
    this.uses.push({ path, ...(variable !== undefined ? { variable } : {}), declarations, origin: scoped ? scoped.origin : 'input' });
    return stopped ? undefined : shape;
  }

  /** The analysis, with `extra` diagnostics (syntax, references) the scan found. */
  analysis(extra: readonly PromptDiagnostic[]): TemplateAnalysis {
    return {
      uses: this.uses,
      usedVariables: this.used,
      usesWholeInput: false,
      hasOpaquePartial: false,
      helperCalls: this.helperCalls,
      partials: [],
      undeclaredUses: this.undeclared,
      diagnostics: [...extra, ...this.diagnostics],
    };
  }
}

/** A path of plain names as the template writes it, for the resolver. */
export function plainPath(original: string, range: Range, segments: readonly PathSegment[], data = false): VariablePath {
  return { original, range, data, depth: 0, scoped: false, segments };
}
