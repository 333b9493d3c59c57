import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const fixturesDir = path.join(repoRoot, 'test/unit/grammar/fixtures');

const grammarFiles: Readonly<Record<string, string>> = {
  'source.dotprompt': path.join(repoRoot, 'syntaxes/dotprompt.tmLanguage.json'),
  'source.prompty': path.join(repoRoot, 'syntaxes/prompty.tmLanguage.json'),
  'source.yaml': path.join(fixturesDir, 'yaml-stub.tmLanguage.json'),
};

let onigLib: Promise<textmate.IOnigLib> | undefined;

/** Loads the Oniguruma WebAssembly once per process (it cannot be loaded twice). */
export function loadOnigLib(): Promise<textmate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM({ data: wasm });
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** Loads one of our grammars; `withYaml: false` behaves like an editor without a YAML grammar. */
export async function loadGrammar(scopeName: 'source.dotprompt' | 'source.prompty', options: { withYaml: boolean }): Promise<textmate.IGrammar> {
  const registry = new textmate.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (name) => {
      if (name === 'source.yaml' && !options.withYaml) return null;
      const file = grammarFiles[name];
      return file === undefined ? null : textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} did not load`);
  return grammar;
}

export interface ScopedToken {
  readonly line: number;
  readonly startIndex: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

/** A document tokenized line by line, with look-ups by the text a token covers. */
export class TokenizedDocument {
  readonly lines: readonly string[];
  readonly tokens: readonly (readonly ScopedToken[])[];

  constructor(grammar: textmate.IGrammar, text: string) {
    this.lines = text.split(/\r?\n/);
    const tokens: ScopedToken[][] = [];
    let state: textmate.StateStack = textmate.INITIAL;
    this.lines.forEach((lineText, line) => {
      const result = grammar.tokenizeLine(lineText, state);
      tokens.push(
        result.tokens.map((token) => ({
          line,
          startIndex: token.startIndex,
          text: lineText.slice(token.startIndex, token.endIndex),
          scopes: token.scopes,
        })),
      );
      state = result.ruleStack;
    });
    this.tokens = tokens;
  }

  /**
   * The token that is exactly `needle`, found inside the `occurrence`-th (0-based) appearance of
   * `context` in the document, so that `token('days', '{{days}}')` picks the mustache, not the YAML key.
   */
  token(needle: string, context = needle, occurrence = 0): ScopedToken {
    const { line, column } = this.locate(needle, context, occurrence);
    const token = this.tokens[line]?.find((t) => t.startIndex <= column && column < t.startIndex + Math.max(t.text.length, 1));
    assert.ok(token, `no token at ${JSON.stringify(needle)} (line ${line + 1})`);
    assert.equal(
      token.text,
      needle,
      `expected ${JSON.stringify(needle)} to be one token on line ${line + 1}, got ${JSON.stringify(token.text)} (${token.scopes.join(' ')})`,
    );
    return token;
  }

  /** Every token overlapping the `occurrence`-th appearance of `text`. */
  tokensOf(text: string, occurrence = 0): readonly ScopedToken[] {
    const { line, column } = this.locate(text, text, occurrence);
    const end = column + text.length;
    return (this.tokens[line] ?? []).filter((t) => t.startIndex < end && t.startIndex + t.text.length > column);
  }

  /** The tokens of a line (0-based). */
  line(line: number): readonly ScopedToken[] {
    const tokens = this.tokens[line];
    assert.ok(tokens, `no line ${line}`);
    return tokens;
  }

  private locate(needle: string, context: string, occurrence: number): { line: number; column: number } {
    const offset = context.indexOf(needle);
    assert.ok(offset >= 0, `${JSON.stringify(context)} does not contain ${JSON.stringify(needle)}`);
    let seen = 0;
    for (const [line, text] of this.lines.entries()) {
      for (let column = text.indexOf(context); column !== -1; column = text.indexOf(context, column + 1)) {
        if (seen++ === occurrence) return { line, column: column + offset };
      }
    }
    assert.fail(`${JSON.stringify(context)} occurs ${seen} time(s), wanted occurrence ${occurrence}`);
  }
}

export function tokenizeFixture(grammar: textmate.IGrammar, fixture: string): TokenizedDocument {
  return new TokenizedDocument(grammar, fs.readFileSync(path.join(fixturesDir, fixture), 'utf8'));
}

function describeToken(token: ScopedToken): string {
  return `${JSON.stringify(token.text)} on line ${token.line + 1} has scopes [${token.scopes.join(', ')}]`;
}

export function assertHasScope(token: ScopedToken, scope: string): void {
  assert.ok(token.scopes.includes(scope), `${describeToken(token)}; expected ${scope}`);
}

export function assertLacksScope(token: ScopedToken, scope: string): void {
  assert.ok(!token.scopes.includes(scope), `${describeToken(token)}; did not expect ${scope}`);
}

/** Asserts that no scope of the token starts with `prefix` (e.g. any variable.* scope). */
export function assertLacksScopePrefix(token: ScopedToken, prefix: string): void {
  assert.ok(!token.scopes.some((scope) => scope.startsWith(prefix)), `${describeToken(token)}; expected no ${prefix}* scope`);
}
