// A service that serves prompts as PromptOps releases them, live: the bundle (every version a flag
// may name) is loaded once at start, and flagd's engine, in-process through OpenFeature, re-reads the
// published flag file when it changes, so `promptops rollback --publish` reaches it in seconds.
//
//   PROMPTS_BUNDLE=build/prompts.json PROMPTS_FLAGS=build/prompts.flagd.json PORT=8080 node server.mjs
//   curl 'http://127.0.0.1:8080/render?prompt=support/summarize&unit=customer-7&input={"ticket":"…"}'
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import { loadPromptBundle, PromptBundleError, renderResolved, resolvePromptWithFlags, verifyPromptBundle } from 'promptops/runtime';

const bundle = loadPromptBundle(readFileSync(process.env.PROMPTS_BUNDLE ?? 'build/prompts.json', 'utf8'));
await verifyPromptBundle(bundle);
await OpenFeature.setProviderAndWait(new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: process.env.PROMPTS_FLAGS ?? 'build/prompts.flagd.json' }));
const flags = OpenFeature.getClient();
// flagd re-read the flag file (a publish): from the next request on, the new versions serve.
OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, ({ flagsChanged }) => console.log(JSON.stringify({ at: new Date().toISOString(), flagsChanged })));

const server = createServer(async (request, response) => {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const id = query.get('prompt') ?? 'support/summarize';
  const label = query.get('label') ?? 'production';
  const unit = query.get('unit') ?? undefined;
  try {
    const prompt = await resolvePromptWithFlags(bundle, flags, id, label, unit);
    const rendered = await renderResolved(prompt, JSON.parse(query.get('input') ?? '{}'));
    // One line per request: enough to find the exact prompt again (promptops which <sha256>) and to judge a canary.
    console.log(JSON.stringify({ at: new Date().toISOString(), unit, prompt: prompt.provenance }));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ provenance: prompt.provenance, messages: rendered.messages }));
  } catch (error) {
    const status = error instanceof PromptBundleError ? 404 : 400;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
});
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => {
  server.close(() => void OpenFeature.close());
  server.closeAllConnections();
});
