/** What a helper does, for completion and hover: how it is called and one sentence about it. */
export interface HelperDoc {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Used as a block, `{{#name}}…{{/name}}`. */
  readonly block: boolean;
  readonly origin: 'handlebars' | 'dotprompt';
}

/** The helpers a prompt can call without registering any: Handlebars' built-ins and dotprompt's. */
export const helperDocs: readonly HelperDoc[] = [
  { name: 'if', usage: '{{#if value}}…{{else}}…{{/if}}', summary: 'Renders the block when the value is truthy (not false, empty, 0 or an empty list), else the `{{else}}` part.', block: true, origin: 'handlebars' },
  { name: 'unless', usage: '{{#unless value}}…{{/unless}}', summary: 'Renders the block when the value is falsy.', block: true, origin: 'handlebars' },
  { name: 'each', usage: '{{#each list as |item index|}}…{{else}}…{{/each}}', summary: 'Renders the block once per item of a list (or value of a map) with the item as `this`; `@index`, `@key`, `@first` and `@last` are set inside.', block: true, origin: 'handlebars' },
  { name: 'with', usage: '{{#with value as |alias|}}…{{/with}}', summary: 'Renders the block with the value as `this`.', block: true, origin: 'handlebars' },
  { name: 'lookup', usage: '{{lookup object key}}', summary: 'Reads the property or index named by a value, e.g. `(lookup items @index)`.', block: false, origin: 'handlebars' },
  { name: 'log', usage: '{{log value level="info"}}', summary: 'Logs its arguments while rendering and renders nothing.', block: false, origin: 'handlebars' },
  { name: 'role', usage: '{{role "system"}}', summary: 'Starts a new message with this role: `system`, `user`, `model` or `tool`.', block: false, origin: 'dotprompt' },
  { name: 'history', usage: '{{history}}', summary: 'Inserts the conversation history messages passed to the render here.', block: false, origin: 'dotprompt' },
  { name: 'section', usage: '{{section "name"}}', summary: 'Marks where a named section of the messages goes.', block: false, origin: 'dotprompt' },
  { name: 'media', usage: '{{media url=imageUrl contentType="image/png"}}', summary: 'Inserts a media part (an image, audio or video) from a URL or data URI.', block: false, origin: 'dotprompt' },
  { name: 'json', usage: '{{json value indent=2}}', summary: 'Renders a value as JSON, optionally indented.', block: false, origin: 'dotprompt' },
  { name: 'ifEquals', usage: '{{#ifEquals a b}}…{{else}}…{{/ifEquals}}', summary: 'Renders the block when both values are equal.', block: true, origin: 'dotprompt' },
  { name: 'unlessEquals', usage: '{{#unlessEquals a b}}…{{/unlessEquals}}', summary: 'Renders the block when the values differ.', block: true, origin: 'dotprompt' },
];

/** The documentation of a helper, if it is one of the built-in ones. */
export function helperDoc(name: string): HelperDoc | undefined {
  return helperDocs.find((doc) => doc.name === name);
}

/** What the data variables mean, for completion and hover. */
export const dataVariableDocs: Readonly<Record<string, string>> = {
  '@root': 'The whole input of the render, from any block: `@root.name`.',
  '@index': 'The position of the current item in `#each`, from 0.',
  '@key': 'The key of the current value when `#each` loops over a map.',
  '@first': 'True for the first item of `#each`.',
  '@last': 'True for the last item of `#each`.',
};
