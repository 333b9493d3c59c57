const labelPattern = /^[a-z0-9_.-]{1,36}$/;

/** `latest` always means the newest commit that touched a prompt, so no label may take the name. */
export const reservedLabels: readonly string[] = ['latest'];

/** Says in one sentence what is wrong with a label name, or returns undefined for a valid one (DESIGN §4). */
export function labelNameProblem(name: string): string | undefined {
  if (reservedLabels.includes(name)) return `"${name}" is reserved: it always means the newest commit, so it cannot be a release label.`;
  if (!labelPattern.test(name)) {
    return `"${name}" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".`;
  }
  return undefined;
}
