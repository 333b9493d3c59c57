// `import = require` so bundlers pick the package's CommonJS build, the only one its exports map offers here.
import o200k = require('gpt-tokenizer/cjs/encoding/o200k_base');

/**
 * An approximate token count of a text, with the o200k_base encoding of current OpenAI models;
 * other vendors' tokenizers differ, so the preview labels it approximate.
 */
export function approximateTokenCount(text: string): number {
  return text.length === 0 ? 0 : o200k.countTokens(text);
}
