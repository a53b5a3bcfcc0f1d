/** cfgfmt's exit status, as documented in --help and the README. */
export const ExitCode = {
  /** Everything formatted, or already formatted. */
  Ok: 0,
  /** --check: at least one file is not formatted. */
  WouldChange: 1,
  /** Bad command line, an unreadable or unrecognised path, or a file with a syntax error. */
  Problem: 2,
} as const;
