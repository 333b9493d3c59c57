import { browserClickRequest, type BrowserClick } from '../harness/browserClicks';
import { testOutputTag } from './testOutputTag';

/** Asks the harness's browser to click or type as a user would; the caller then waits for the gesture's effect. */
export function clickInBrowser(click: BrowserClick): void {
  console.log(`${testOutputTag}${browserClickRequest}${JSON.stringify(click)}`);
}
