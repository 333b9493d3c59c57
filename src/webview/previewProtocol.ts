/** One rendered message as the preview shows it. */
export interface PreviewMessage {
  readonly role: string;
  readonly text: string;
  readonly tokens: number;
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
  readonly result:
    | { readonly ok: true; readonly messages: readonly PreviewMessage[]; readonly totalTokens: number }
    | { readonly ok: false; readonly error: string };
}

export type ToWebview = { readonly type: 'state'; readonly state: PreviewState };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'selectSet'; readonly name: string }
  | { readonly type: 'customInput'; readonly json: string }
  | { readonly type: 'clearCustomInput' }
  | { readonly type: 'copyJson' }
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
    };
