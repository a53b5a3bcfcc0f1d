/** Where the CLI reads and writes: the process, or buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Whether stderr is a terminal (spinner, colours). */
  stderrIsTty: boolean;
  /** Whether stdin is a terminal (confirmation prompts). */
  stdinIsTty: boolean;
  /** Reads one line from the terminal for a confirmation. */
  readLine(prompt: string): Promise<string>;
  env: NodeJS.ProcessEnv;
}
