import * as http from 'node:http';
import type { Page } from 'playwright-core';

/** The environment variable that tells the tests in the extension host where to ask. */
export const notificationReaderVariable = 'PROMPTOPS_TEST_NOTIFICATIONS';

/** Where the workbench draws a notification's sentence: in a toast, and in the notification center. */
const messageSelector = '.notifications-toasts .notification-list-item-message, .notifications-center .notification-list-item-message';

export interface NotificationReader {
  /** `http://127.0.0.1:<port>/`: answers with a JSON array of the notification texts shown now. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves, on a loopback port, the texts of the notifications the workbench page shows, so a test in
 * the extension host can assert the sentence a user reads rather than a command's return value.
 */
export async function serveNotificationTexts(page: () => Page | undefined): Promise<NotificationReader> {
  const server = http.createServer((_request, response) => {
    const current = page();
    (current ? current.locator(messageSelector).allTextContents() : Promise.resolve([])).then(
      (texts) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(texts));
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The notification reader did not get a TCP port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
