import type { VariableUse } from '../checks/templateAnalysis';

/**
 * An input under which every path the template reads from the input renders as its own
 * `{{path}}` placeholder, so rendering a prompt with it (`push --flatten`) runs partials, helpers
 * and blocks once and leaves plain variables for the registry to fill in.
 */
export function placeholderInput(uses: readonly VariableUse[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const use of uses) {
    if (use.origin !== 'input' || use.path.segments.length === 0) continue;
    const names = use.path.segments.map((segment) => segment.name);
    let node = input;
    names.forEach((name, index) => {
      const last = index === names.length - 1;
      const existing = node[name];
      if (last) {
        if (existing === undefined) node[name] = `{{${names.join('.')}}}`;
        return;
      }
      if (typeof existing !== 'object' || existing === null) node[name] = {};
      node = node[name] as Record<string, unknown>;
    });
  }
  return input;
}
