import { runGit } from '../git/gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from '../git/gitRepository';

/**
 * Commits the manifest and nothing else (`git commit --only`), so changes the user staged stay
 * staged and out of the release commit; returns the new commit's SHA. A manifest git does not
 * track yet is first added as intent-to-add, which `--only` needs to see it.
 */
export async function commitManifestAlone(repository: GitRepository, releasesFile: string, message: { readonly subject: string; readonly body: string }, options: GitCallOptions = {}): Promise<string> {
  const invocation = invocationIn(repository, options);
  const tracked = (await runGit(['ls-files', '--cached', '--', releasesFile], invocation)).length > 0;
  if (!tracked) await runGit(['add', '--intent-to-add', '--', releasesFile], invocation);
  try {
    const body = message.body.trim() === '' ? [] : ['-m', message.body];
    await runGit(['commit', '--only', '--quiet', '--no-edit', '-m', message.subject, ...body, '--', releasesFile], invocation);
  } catch (error) {
    // Leave the index as it was: an intent-to-add entry would otherwise linger.
    if (!tracked) await runGit(['rm', '--cached', '--quiet', '--', releasesFile], invocation).catch(() => undefined);
    throw error;
  }
  return (await runGit(['rev-parse', 'HEAD'], invocation)).toString('utf8').trim();
}
