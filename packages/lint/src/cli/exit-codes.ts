/** cfglint's exit status, as documented in --help and the README. */
export const ExitCode = {
  /** Nothing found at error severity. */
  Ok: 0,
  /** At least one error (or more warnings than --max-warnings allows). */
  Findings: 1,
  /** Bad command line, an unreadable path, or nothing to lint. */
  Usage: 2,
} as const;
