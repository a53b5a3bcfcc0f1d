import { parseArgs } from 'node:util';

export type Command = 'plan' | 'apply' | 'status' | 'rollback' | 'preflight';
export const COMMANDS: readonly Command[] = ['plan', 'apply', 'status', 'rollback', 'preflight'];
export type Driver = 'keepalived' | 'ipvs';

export interface CliOptions {
  command?: Command;
  config?: string;
  driver: Driver;
  json: boolean;
  yes: boolean;
  detailedExitcode: boolean;
  target: string;
  pidFile: string;
  reload: 'auto' | 'signal' | 'systemd';
  service: string;
  stateDir: string;
  lockFile: string;
  timeoutSeconds: number;
  keepalivedTmp: string;
  lint: boolean;
  keepalivedVersion?: string;
  haproxy: string[];
  color?: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        driver: { type: 'string', default: 'keepalived' },
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        'detailed-exitcode': { type: 'boolean', default: false },
        target: { type: 'string', default: '/etc/keepalived/keepalived.conf' },
        'pid-file': { type: 'string', default: '/run/keepalived.pid' },
        reload: { type: 'string', default: 'auto' },
        service: { type: 'string', default: 'keepalived' },
        'state-dir': { type: 'string', default: '/var/lib/cfgrun' },
        'lock-file': { type: 'string', default: '/run/cfgrun.lock' },
        timeout: { type: 'string', default: '20' },
        'keepalived-tmp': { type: 'string', default: '/tmp' },
        'no-lint': { type: 'boolean', default: false },
        'keepalived-version': { type: 'string' },
        haproxy: { type: 'string', multiple: true, default: [] },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const [command, config, ...extra] = parsed.positionals;
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}' (expected ${COMMANDS.join(', ')})`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (v.driver !== 'keepalived' && v.driver !== 'ipvs') throw new UsageError(`--driver expects keepalived or ipvs, got '${v.driver}'`);
  if (v.reload !== 'auto' && v.reload !== 'signal' && v.reload !== 'systemd') throw new UsageError(`--reload expects auto, signal or systemd, got '${v.reload}'`);
  if (!/^\d+(\.\d+)?$/.test(v.timeout!) || Number(v.timeout) <= 0) throw new UsageError(`--timeout expects seconds, got '${v.timeout}'`);
  if (!/^[A-Za-z0-9_.@-]+$/.test(v.service!)) throw new UsageError(`--service expects a systemd unit name, got '${v.service}'`);
  if ((command === 'plan' || command === 'apply') && config === undefined && !v.help) {
    throw new UsageError(`${command} needs a config file: cfgrun ${command} [options] CONFIG`);
  }
  if (command === 'preflight' && config === undefined && v.haproxy!.length === 0 && !v.help) {
    throw new UsageError('preflight needs a keepalived config, --haproxy FILE, or both');
  }
  return {
    command: command as Command | undefined,
    config,
    driver: v.driver,
    json: v.json!,
    yes: v.yes!,
    detailedExitcode: v['detailed-exitcode']!,
    target: v.target!,
    pidFile: v['pid-file']!,
    reload: v.reload,
    service: v.service!,
    stateDir: v['state-dir']!,
    lockFile: v['lock-file']!,
    timeoutSeconds: Number(v.timeout),
    keepalivedTmp: v['keepalived-tmp']!,
    lint: !v['no-lint'],
    keepalivedVersion: v['keepalived-version'],
    haproxy: v.haproxy!,
    color: v['no-color'] ? false : v.color,
    help: v.help!,
    version: v.version!,
  };
}
