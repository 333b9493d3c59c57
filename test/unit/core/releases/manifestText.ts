/** Commits and hashes that look real, for manifests written in tests. */
export const commitA = 'a'.repeat(40);
export const commitB = 'b'.repeat(40);
export const commitC = 'c'.repeat(40);
export const commitD = 'd'.repeat(40);
export const hashA = '1a'.repeat(32);
export const hashB = '2b'.repeat(32);
export const hashC = '3c'.repeat(32);
export const hashD = '4d'.repeat(32);

/** A valid manifest in block style, as promptops writes it, with one event per line of history given. */
export const sampleManifest = `# Releases of the support prompts.
version: 1
prompts:
  support/summarize: # the ticket summarizer
    labels:
      production:
        commit: ${commitB}
        path: support/summarize.prompt
        sha256: ${hashB}
      staging:
        commit: ${commitC}
        path: support/summarize.prompt
        sha256: ${hashC}
    canary:
      production:
        commit: ${commitC}
        path: support/summarize.prompt
        sha256: ${hashC}
        weight: 10
events:
  - at: 2026-01-01T09:00:00Z
    by: Ada Lovelace <ada@example.com>
    action: promote
    prompt: support/summarize
    label: production
    from: null
    to: ${commitA}
    sha256: ${hashA}
    note: First version
  - at: 2026-01-02T09:00:00Z
    by: Ada Lovelace <ada@example.com>
    action: promote
    prompt: support/summarize
    label: production
    from: ${commitA}
    to: ${commitB}
    sha256: ${hashB}
    note: ""
`;
