export const HELP = `cfgrun — plan, apply, verify and roll back keepalived configs on this host

Usage: cfgrun <command> [options] [CONFIG]

Commands:
  plan CONFIG        show what apply would change, as the commands it would run
  apply CONFIG       check, then change the host; asks on a terminal unless --yes
  status [CONFIG]    compare the live state with CONFIG (or the last deployment)
  rollback           go back to the previously deployed config
  preflight [CONFIG] check this host for what lint cannot know (interfaces, ports, sysctls, tools);
                     with --haproxy FILE, also HAProxy's binds

Drivers (--driver):
  keepalived (default)  install CONFIG as keepalived's config and reload the daemon:
                        lint → keepalived -t → atomic replace (backup kept) → reload → verify,
                        restoring the backup when anything fails
  ipvs                  program IPVS directly from CONFIG's virtual_server blocks (a director
                        without keepalived's checkers): minimal ipvsadm edits in one -R batch

Options:
  --json                    machine-readable result on stdout (progress stays on stderr)
  -y, --yes                 do not ask for confirmation (required without a terminal)
  --detailed-exitcode       plan: exit 2 when there are changes
  --target FILE             keepalived config to manage (default /etc/keepalived/keepalived.conf)
  --pid-file FILE           keepalived's pid file (default /run/keepalived.pid)
  --reload MODE             auto | signal (SIGHUP to the pid) | systemd (systemctl reload) (default auto)
  --service NAME            systemd unit (default keepalived)
  --timeout SECONDS         how long verification may take after a reload (default 20)
  --keepalived-tmp DIR      where keepalived writes keepalived.json / .data on signal (default /tmp)
  --state-dir DIR           backups and deployment records (default /var/lib/cfgrun)
  --lock-file FILE          lock against concurrent applies (default /run/cfgrun.lock)
  --no-lint                 skip the cfglint gate (keepalived -t still runs)
  --keepalived-version V    target version for the lint gate
  --haproxy FILE            preflight: also check the binds of this haproxy.cfg (repeatable)
  --color, --no-color       force colours on or off
  -h, --help                this text
  -v, --version             cfgrun's version

Exit status:
  0  done; plan/status: nothing to change
  1  the change failed and was rolled back: the host is as it was (other commands: an error,
     e.g. status finds keepalived not running)
  2  plan --detailed-exitcode / status: changes pending or drift
  3  the change failed and the rollback failed too: the host needs a person
  4  refused before any change: lint errors, keepalived -t, bad values, preflight
  5  another cfgrun holds the lock
  6  the operator answered no; nothing changed
  64 bad command line
`;
