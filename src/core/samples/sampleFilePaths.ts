/**
 * Where a prompt's sidecar sample file may be, in lookup order (DESIGN §1): beside the prompt, named
 * after it without its extension (`trip.prompt` → `trip.samples.yaml`, `.yml`, then `.json`).
 */
export function sampleFileCandidates(promptPath: string): string[] {
  const slash = promptPath.lastIndexOf('/');
  const dot = promptPath.lastIndexOf('.');
  const base = dot > slash + 1 ? promptPath.slice(0, dot) : promptPath;
  return ['.samples.yaml', '.samples.yml', '.samples.json'].map((extension) => `${base}${extension}`);
}
