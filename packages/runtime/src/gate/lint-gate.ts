/**
 * The lint gate: the one place cfgrun calls @cfglint/lint. Errors stop a deployment;
 * warnings are shown. The package is loaded at run time (not bundled into cfgrun), so a
 * host with only cfgrun still deploys, with `keepalived -t` as the gate, and says so.
 */
export interface GateFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface LintGateResult {
  available: boolean;
  /** Why lint did not run. */
  reason?: string;
  errors: GateFinding[];
  warnings: GateFinding[];
}

interface EslintLikeResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: 1 | 2; message: string; line: number; column: number }>;
}

type LintModule = {
  lintFiles?: (paths: string[], options?: object) => EslintLikeResult[] | Promise<EslintLikeResult[]> | { results: EslintLikeResult[] };
  lint?: (targets: Array<{ filePath: string; language: string }>, options?: object) => { results: EslintLikeResult[] };
  lintTargets?: (targets: Array<{ filePath: string; language: string }>, options?: object) => { results: EslintLikeResult[] };
};

// A variable, so bundlers leave the import to run time.
const LINT_PACKAGE = '@cfglint/lint';

export async function lintGate(paths: string[], options: { keepalivedVersion?: string } = {}): Promise<LintGateResult> {
  let mod: LintModule;
  try {
    mod = (await import(LINT_PACKAGE)) as LintModule;
  } catch (error) {
    return { available: false, reason: `${LINT_PACKAGE} is not installed (${(error as Error).message.split('\n')[0]})`, errors: [], warnings: [] };
  }
  const lintOptions = { versions: options.keepalivedVersion ? { keepalived: options.keepalivedVersion } : {} };
  let results: EslintLikeResult[];
  if (mod.lintFiles) {
    const out = await mod.lintFiles(paths, lintOptions);
    results = Array.isArray(out) ? out : out.results;
  } else if (mod.lint ?? mod.lintTargets) {
    const run = (mod.lint ?? mod.lintTargets)!;
    results = run(
      paths.map((filePath) => ({ filePath, language: 'keepalived' })),
      lintOptions,
    ).results;
  } else return { available: false, reason: `${LINT_PACKAGE} exports no lintFiles() or lint()`, errors: [], warnings: [] };
  const findings = results.flatMap((r) =>
    r.messages.map(
      (m): GateFinding => ({ file: r.filePath, line: m.line, column: m.column, rule: m.ruleId ?? 'parse', severity: m.severity === 2 ? 'error' : 'warning', message: m.message }),
    ),
  );
  return { available: true, errors: findings.filter((f) => f.severity === 'error'), warnings: findings.filter((f) => f.severity === 'warning') };
}

export function formatFinding(f: GateFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.rule})`;
}
