import { runCli } from './run.js';

declare const CFGLINT_VERSION: string | undefined;

const version = typeof CFGLINT_VERSION === 'string' ? CFGLINT_VERSION : '0.0.0-dev';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  version,
});
process.exitCode = code;
