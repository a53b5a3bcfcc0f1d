import type { SupportOptions } from 'prettier';

/** Plugin options (Prettier CLI: `--haproxy-align-servers`). */
export const options: SupportOptions = {
  haproxyAlignServers: {
    type: 'boolean',
    category: 'HAProxy',
    default: false,
    description: 'Pad the keyword, name and address columns of consecutive `server` lines so that they line up.',
  },
};

/** Defaults that differ from Prettier's: these files are conventionally indented by 4, and keep their line endings. */
export const defaultOptions = {
  tabWidth: 4,
  endOfLine: 'auto' as const,
};
