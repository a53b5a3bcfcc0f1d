import { resolve } from 'node:path';
import { loadKeepalivedFacts } from '../../config/load-keepalived-facts.js';
import type { KeepalivedFacts } from '../../config/facts.js';
import { formatFinding, lintGate } from '../../gate/lint-gate.js';
import type { CommandContext } from '../context.js';
import { StepFailure } from '../reporter.js';

/** Reads the config and runs the lint gate; throws StepFailure (→ exit 4) on errors. */
export async function readAndLint(ctx: CommandContext, file: string): Promise<KeepalivedFacts> {
  const { reporter } = ctx;
  const path = resolve(file);
  const facts = await reporter.step(`read ${path}`, () => {
    let f: KeepalivedFacts;
    try {
      f = loadKeepalivedFacts(path);
    } catch (error) {
      throw new StepFailure(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (f.problems.length > 0) throw new StepFailure(f.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; '));
    return f;
  }, (f) => `${f.vrrpInstances.length} VRRP instance(s), ${f.virtualServers.length} virtual server(s)`);
  if (!ctx.options.lint) {
    reporter.warn('lint gate skipped (--no-lint)');
    ctx.report.lint = { skipped: true };
    return facts;
  }
  const gate = await reporter.step('lint (cfglint)', () => lintGate([path], { keepalivedVersion: ctx.options.keepalivedVersion }), (g) =>
    g.available ? `${g.errors.length} error(s), ${g.warnings.length} warning(s)` : `not run: ${g.reason}`,
  );
  ctx.report.lint = gate;
  for (const w of gate.warnings) reporter.warn(formatFinding(w));
  if (gate.errors.length > 0) {
    for (const e of gate.errors) ctx.io.stderr.write(`  ${formatFinding(e)}\n`);
    throw new StepFailure(`cfglint found ${gate.errors.length} error(s) in ${path}; nothing was changed`);
  }
  return facts;
}
