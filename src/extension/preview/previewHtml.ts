import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The preview page's HTML: nothing may load or run but our stylesheet and our nonce'd script
 * (CSP default-src 'none'), so even text that escaped into markup could not execute.
 */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPageHtml(webview, extensionUri, { script: 'preview.js', style: 'preview.css', title: 'Prompt preview' });
}

/** A webview page of ours: one stylesheet from media/, one nonce'd script from dist/webview/, under the same strict CSP. */
export function webviewPageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: { readonly script: string; readonly style: string; readonly title: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', page.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', page.style));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${page.title}</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** Webview options for the preview: scripts on, resources only from the extension's own dist/ and media/. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
