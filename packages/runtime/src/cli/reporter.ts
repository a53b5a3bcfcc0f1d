import { createColors } from 'picocolors';
import type { CliIo } from './io.js';

export interface StepRecord {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Thrown by a step to fail with a message for people (no stack trace). */
export class StepFailure extends Error {
  override name = 'StepFailure';
  /** Exit status; 4 (rejected: nothing changed) unless said otherwise. */
  constructor(
    message: string,
    readonly exitCode: number = 4,
  ) {
    super(message);
  }
}

/**
 * Progress lines on stderr (a spinner on a terminal, plain lines otherwise, e.g. in CI),
 * and a record of every step for --json.
 */
export class Reporter {
  readonly steps: StepRecord[] = [];
  readonly colors;
  private readonly spinner: boolean;

  constructor(
    private readonly io: CliIo,
    color: boolean | undefined,
  ) {
    const useColor = color ?? (io.stderrIsTty && !io.env.NO_COLOR);
    this.colors = createColors(useColor);
    this.spinner = io.stderrIsTty && !io.env.CI;
  }

  async step<T>(name: string, run: () => Promise<T> | T, describe?: (value: T) => string | undefined): Promise<T> {
    const c = this.colors;
    const start = performance.now();
    let frame = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    if (this.spinner) {
      this.io.stderr.write(`${c.cyan(FRAMES[0])} ${name}`);
      timer = setInterval(() => this.io.stderr.write(`\r${c.cyan(FRAMES[++frame % FRAMES.length])} ${name}`), 80);
    }
    const finish = (ok: boolean, detail: string | undefined) => {
      if (timer) clearInterval(timer);
      const ms = Math.round(performance.now() - start);
      this.steps.push({ name, ok, ms, ...(detail ? { detail } : {}) });
      const mark = ok ? c.green('✔') : c.red('✘');
      const text = `${mark} ${name}${detail ? `: ${detail}` : ''} ${c.dim(`(${ms} ms)`)}`;
      this.io.stderr.write(this.spinner ? `\r\x1b[2K${text}\n` : `${text}\n`);
    };
    try {
      const value = await run();
      finish(true, describe?.(value));
      return value;
    } catch (error) {
      finish(false, (error as Error).message);
      throw error;
    }
  }

  /** A line of progress that is not a step. */
  note(text: string): void {
    this.io.stderr.write(`${this.colors.dim('•')} ${text}\n`);
  }

  warn(text: string): void {
    this.io.stderr.write(`${this.colors.yellow('!')} ${text}\n`);
  }
}
