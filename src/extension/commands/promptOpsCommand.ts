/** A command of the table: its id (API, see DESIGN §6) and what it does with its arguments. */
export interface PromptOpsCommand {
  readonly id: string;
  run(...args: unknown[]): unknown;
}
