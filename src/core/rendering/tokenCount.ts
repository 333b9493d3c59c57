type O200k = typeof import('gpt-tokenizer/cjs/encoding/o200k_base');

let encoding: O200k | undefined;

/**
 * An approximate token count of a text, with the o200k_base encoding of current OpenAI models;
 * other vendors' tokenizers differ, so the preview labels it approximate.
 */
export function approximateTokenCount(text: string): number {
  if (text.length === 0) return 0;
  // Loaded on first use: its tables take longer to load than everything else the extension needs at activation.
  encoding ??= require('gpt-tokenizer/cjs/encoding/o200k_base') as O200k;
  return encoding.countTokens(text);
}
