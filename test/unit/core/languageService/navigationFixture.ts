import { lines } from '../diagnosticExpectations';

/** A prompt with nested objects, a list, blocks, block parameters, partials and two sample sets; the template starts on line 12. */
export const navigationPrompt = lines(
  '---',
  'input:',
  '  schema:',
  '    customer(object, who is asking):',
  '      name: string',
  '    items(array):',
  '      title: string',
  '    question: string, as typed',
  '    notes?: string',
  '  default:',
  '    question: Any news?',
  '---',
  '{{role "user"}}{{question}} from {{customer.name}}',
  '{{#each items as |item i|}}{{@index}} {{item.title}} {{title}} {{../question}}{{/each}} {{nope}}',
  '{{#with customer}}{{name}}{{/with}} {{> footer}}{{#*inline "intro"}}Hi{{/inline}}{{> intro}}',
);

export const navigationSamples = lines(
  'first:',
  '  customer: {name: Ada}',
  '  question: "Where is `my` order?"',
  '  items: [{title: Lamp}, {title: Desk}, {title: Rug}, {title: Vase}]',
  'second:',
  '  customer: {name: Grace}',
  '  items: []',
);

