export const HELP = `Usage: cfglint [options] <files|directories…>

Checks keepalived.conf and haproxy.cfg files the way keepalived -t and haproxy -c
would, for the daemon versions you target, and with rules for mistakes the daemons
cannot see: across the hosts of a VRRP pair, and between HAProxy and keepalived on
one host.

Files to lint
  Directories are searched recursively for keepalived.conf, *.keepalived.conf,
  haproxy.cfg, *.haproxy.cfg, and *.conf / *.cfg files below a directory named
  keepalived / haproxy. Files named explicitly are recognised by name, else by
  --language, else by content. Files pulled in by a keepalived include are
  checked as part of the file that includes them.

Options
  -f, --format <name>            stylish (default), json (ESLint-compatible), sarif (2.1.0),
                                 github (workflow annotations)
      --language <lang>          Treat explicitly named files as keepalived or haproxy;
                                 with directories, only look for that language
      --haproxy-version <X.Y>    Target HAProxy version (default: 3.2, the newest the schema covers)
      --keepalived-version <X.Y[.Z]>
                                 Target keepalived version (default: 2.3.4, the newest the schema covers)
  -c, --config <file>            Use this configuration file instead of searching for
                                 cfglint.config.{json,yaml,yml,js,mjs,cjs} or package.json "cfglint"
      --fix                      Apply safe fixes to the files (renames, legacy forms); repeats until stable
      --no-inline-config         Ignore cfglint-disable comments (for CI gates that refuse them)
      --max-warnings <n>         Exit 1 when there are more than n warnings
  -q, --quiet                    Report errors only
      --list-rules               List every rule and check with its default severity, then exit
      --print-config <file>      Print the configuration that applies to <file> as JSON, then exit
      --color, --no-color        Force colours on or off (default: on for a terminal)
  -h, --help                     Show this help
  -v, --version                  Show cfglint's version

Exit status
  0  no errors found (and no more warnings than --max-warnings)
  1  errors found, or too many warnings
  2  usage or configuration error, an unreadable or unrecognised path, or nothing to lint
`;
