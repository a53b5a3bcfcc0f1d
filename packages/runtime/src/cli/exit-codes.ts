/** cfgrun's exit status (documented in --help and the README). */
export const ExitCode = {
  /** Done; or, for plan/status, nothing to change. */
  Ok: 0,
  /** The change failed and was rolled back; the host is as it was. */
  Failed: 1,
  /** plan --detailed-exitcode / status: changes pending, or live state drifted from the config. */
  Changes: 2,
  /** The change failed AND putting the old state back failed: the host needs a person. */
  RollbackFailed: 3,
  /** The config was refused before anything changed (lint errors, keepalived -t, bad values, preflight). */
  Rejected: 4,
  /** Another cfgrun holds the lock. */
  Locked: 5,
  /** The operator answered no at the confirmation; nothing changed. */
  Aborted: 6,
  /** Bad command line. */
  Usage: 64,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
