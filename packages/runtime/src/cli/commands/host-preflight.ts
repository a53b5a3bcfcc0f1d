import { readFileSync } from 'node:fs';
import type { KeepalivedFacts } from '../../config/facts.js';
import { haproxyBinds } from '../../config/haproxy-binds.js';
import { checkHaproxyOnHost, checkKeepalivedOnHost, type PreflightFinding } from '../../preflight/checks.js';
import { gatherHostFacts } from '../../preflight/host.js';
import type { CommandContext } from '../context.js';
import { StepFailure } from '../reporter.js';

export function formatPreflight(f: PreflightFinding): string {
  return `${f.file ? `${f.file}:${f.line}: ` : ''}${f.level}: ${f.message}\n    fix: ${f.fix}`;
}

/** Runs the host checks; prints findings; throws StepFailure (exit 4) on errors when `gate`. */
export async function runPreflight(ctx: CommandContext, facts: KeepalivedFacts, gate: boolean): Promise<PreflightFinding[]> {
  const findings = await ctx.reporter.step('preflight checks on this host', async () => {
    const host = await gatherHostFacts(ctx.exec, { ipvs: ctx.options.driver === 'ipvs' || facts.virtualServers.length > 0 });
    const out = checkKeepalivedOnHost(facts, host, ctx.options.driver);
    const vips = new Set(facts.vrrpInstances.flatMap((i) => i.virtualIps.map((v) => v.address)));
    for (const file of ctx.options.haproxy) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new StepFailure(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
      }
      out.push(...checkHaproxyOnHost(haproxyBinds(file, text), host, vips));
    }
    return out;
  }, (f) => `${f.filter((x) => x.level === 'error').length} error(s), ${f.filter((x) => x.level === 'warning').length} warning(s)`);
  ctx.report.preflight = findings;
  for (const f of findings) ctx.io.stderr.write(`  ${formatPreflight(f)}\n`);
  const errors = findings.filter((f) => f.level === 'error');
  if (gate && errors.length > 0) throw new StepFailure(`preflight found ${errors.length} problem(s) on this host; nothing was changed`);
  return findings;
}
