import { arrayOf, isBoolean, isIndex, isString, messageGuard, objectOf } from './messageGuards';

/** One rendered message as the preview shows it. */
export interface PreviewMessage {
  readonly role: string;
  readonly text: string;
  readonly tokens: number;
}

/** Where a render error is: a file's own line and column (0-based), to reveal when clicked. */
export interface PreviewLocation {
  /** How the page names it, e.g. `summarize.prompt:17:5`. */
  readonly label: string;
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

/** Everything the preview shows; sent whole on every change, kept by the webview for reloads. */
export interface PreviewState {
  /** The previewed document, so a restored panel knows what to render. */
  readonly documentUri: string;
  readonly fileName: string;
  readonly sampleSets: readonly string[];
  /** The chosen sample set, or undefined when a custom input is used. */
  readonly selectedSet: string | undefined;
  /** The custom input as the user typed it (JSON), when one is in use. */
  readonly customInput: string | undefined;
  /** What the custom input lacks or gets wrong against the input schema, in the sentences sample sets get. */
  readonly inputProblems?: readonly string[];
  /** Show each message's text exactly, leading and trailing blank lines included, with line ends marked. */
  readonly exactWhitespace?: boolean;
  readonly result:
    | { readonly ok: true; readonly messages: readonly PreviewMessage[]; readonly totalTokens: number }
    | { readonly ok: false; readonly error: string; readonly location?: PreviewLocation };
}

export type ToWebview = { readonly type: 'state'; readonly state: PreviewState };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'selectSet'; readonly name: string }
  | { readonly type: 'customInput'; readonly json: string }
  | { readonly type: 'clearCustomInput' }
  | { readonly type: 'copyJson' }
  | { readonly type: 'exactWhitespace'; readonly on: boolean }
  | { readonly type: 'reveal'; readonly location: PreviewLocation }
  /** After each update: what the page now shows, so tests can check it without screen scraping. */
  | {
      readonly type: 'rendered';
      readonly html: string;
      readonly text: string;
      /** Tag names of every element in the page body, to prove no markup came from prompt text. */
      readonly elements: readonly string[];
      /** The page title and body attributes, which an injected script would be the one to change. */
      readonly title: string;
      readonly bodyAttributes: readonly string[];
      /** Each role card's role and the text it shows (what a reader sees, without the line-end marks). */
      readonly cards: readonly { readonly role: string; readonly text: string }[];
    };

const isLocation = objectOf<PreviewLocation>({ label: isString, uri: isString, line: isIndex, character: isIndex });

/** Whether a message from the preview page is one the protocol above names, with its fields' types. */
export const isFromPreview = messageGuard<FromWebview>({
  ready: {},
  selectSet: { name: isString },
  customInput: { json: isString },
  clearCustomInput: {},
  copyJson: {},
  exactWhitespace: { on: isBoolean },
  reveal: { location: isLocation },
  rendered: {
    html: isString,
    text: isString,
    elements: arrayOf(isString),
    title: isString,
    bodyAttributes: arrayOf(isString),
    cards: arrayOf(objectOf<{ readonly role: string; readonly text: string }>({ role: isString, text: isString })),
  },
});
