/** What a Jinja filter does, for completion and hover: how it is written and one sentence about it. */
export interface FilterDoc {
  readonly usage: string;
  readonly summary: string;
}

/**
 * The filters Prompty's Jinja templates can use (the ones nunjucks ships), each with its usage
 * and a sentence. A filter nunjucks adds later still completes, just without a sentence.
 */
const filterDocs: Readonly<Record<string, FilterDoc>> = {
  abs: { usage: 'value | abs', summary: 'The absolute value of a number.' },
  batch: { usage: 'items | batch(3, fill)', summary: 'Splits a list into lists of the given size, padding the last one with the fill value when one is given.' },
  capitalize: { usage: 'text | capitalize', summary: 'Upper-cases the first character and lower-cases the rest.' },
  center: { usage: 'text | center(80)', summary: 'Pads the text with spaces on both sides to the given width.' },
  d: { usage: 'value | d("fallback")', summary: 'Short for `default`: the fallback when the value is undefined.' },
  default: { usage: 'value | default("fallback", true)', summary: 'The fallback when the value is undefined (or, with `true`, when it is any falsy value).' },
  dictsort: { usage: 'mapping | dictsort', summary: 'The entries of a mapping as [key, value] pairs sorted by key.' },
  dump: { usage: 'value | dump(2)', summary: 'The value as JSON, indented by the given number of spaces.' },
  e: { usage: 'text | e', summary: 'Short for `escape`: HTML-escapes the text.' },
  escape: { usage: 'text | escape', summary: 'HTML-escapes the text (Prompty renders with autoescape off, so this is explicit).' },
  first: { usage: 'items | first', summary: 'The first item of a list or the first character of a text.' },
  float: { usage: 'value | float(0.0)', summary: 'The value as a floating-point number, or the fallback when it is not one.' },
  forceescape: { usage: 'text | forceescape', summary: 'HTML-escapes the text even when it was marked safe.' },
  groupby: { usage: 'items | groupby("attribute")', summary: 'Groups a list of objects by the value of an attribute.' },
  indent: { usage: 'text | indent(4, true)', summary: 'Indents every line but the first by the given number of spaces (the first too with `true`).' },
  int: { usage: 'value | int(0)', summary: 'The value as a whole number, or the fallback when it is not one.' },
  join: { usage: 'items | join(", ", "attribute")', summary: 'Joins the items (or one attribute of each) with the separator.' },
  last: { usage: 'items | last', summary: 'The last item of a list or the last character of a text.' },
  length: { usage: 'items | length', summary: 'The number of items in a list or mapping, or characters in a text.' },
  list: { usage: 'value | list', summary: 'The value as a list: the characters of a text, the items of a list, the entries of a mapping.' },
  lower: { usage: 'text | lower', summary: 'The text in lower case.' },
  nl2br: { usage: 'text | nl2br', summary: 'Replaces each line break with an HTML `<br />`.' },
  random: { usage: 'items | random', summary: 'One item of the list chosen at random, so the rendered prompt can differ between renders.' },
  reject: { usage: 'items | reject("odd")', summary: 'The items for which the named test fails.' },
  rejectattr: { usage: 'items | rejectattr("attribute")', summary: 'The objects whose attribute is falsy.' },
  replace: { usage: 'text | replace("old", "new", count)', summary: 'Replaces occurrences of one text by another, at most `count` times when given.' },
  reverse: { usage: 'items | reverse', summary: 'The list or text in reverse order.' },
  round: { usage: 'value | round(2, "floor")', summary: 'Rounds a number to the given precision, with "common", "ceil" or "floor".' },
  safe: { usage: 'text | safe', summary: 'Marks the text as safe so it is never HTML-escaped.' },
  select: { usage: 'items | select("odd")', summary: 'The items for which the named test passes.' },
  selectattr: { usage: 'items | selectattr("attribute")', summary: 'The objects whose attribute is truthy.' },
  slice: { usage: 'items | slice(3)', summary: 'Splits a list into the given number of slices.' },
  sort: { usage: 'items | sort(false, true, "attribute")', summary: 'The list sorted, optionally reversed, case-sensitive or by an attribute.' },
  string: { usage: 'value | string', summary: 'The value as text.' },
  striptags: { usage: 'text | striptags', summary: 'Removes HTML tags and collapses runs of whitespace.' },
  sum: { usage: 'items | sum("attribute", 0)', summary: 'The sum of the items (or one attribute of each), added to a start value.' },
  title: { usage: 'text | title', summary: 'Capitalizes each word.' },
  trim: { usage: 'text | trim', summary: 'Removes whitespace at the start and end.' },
  truncate: { usage: 'text | truncate(255, false, "...")', summary: 'Cuts the text to the given length, at a word boundary unless the second argument is true.' },
  upper: { usage: 'text | upper', summary: 'The text in upper case.' },
  urlencode: { usage: 'value | urlencode', summary: 'Percent-encodes a text (or a mapping as a query string) for use in a URL.' },
  urlize: { usage: 'text | urlize(40)', summary: 'Turns URLs in the text into HTML links.' },
  wordcount: { usage: 'text | wordcount', summary: 'The number of words in the text.' },
};

/** The documentation of a filter nunjucks ships, if known. */
export function jinjaFilterDoc(name: string): FilterDoc | undefined {
  return Object.hasOwn(filterDocs, name) ? filterDocs[name] : undefined;
}
