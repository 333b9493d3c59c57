/**
 * A path PromptOps will not read or write as asked: a folder, pipe or device where a file belongs,
 * a link where links are refused, a folder that does not exist, a path outside the repository. The
 * message is one sentence; the CLI exits 2 (an environment problem), and nothing was written.
 */
export class FileSystemRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileSystemRefusal';
  }
}
