import { createInterface } from 'node:readline/promises';
import { runCli } from './run.js';

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTty: !!process.stderr.isTTY,
  stdinIsTty: !!process.stdin.isTTY,
  env: process.env,
  async readLine(prompt: string) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(prompt);
    } finally {
      rl.close();
    }
  },
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cfgrun: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
