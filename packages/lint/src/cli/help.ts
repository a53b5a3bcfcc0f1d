export const HELP = `Usage: cfglint [options] <files|directories…>

Checks keepalived.conf and haproxy.cfg files the way keepalived -t and haproxy -c
would, for the daemon versions you target, without needing the hosts.

Files to lint
  Directories are searched recursively for keepalived.conf, *.keepalived.conf,
  haproxy.cfg, *.haproxy.cfg, and *.conf / *.cfg files below a directory named
  keepalived / haproxy. Files named explicitly are recognised by name, else by
  --language, else by content. Files pulled in by a keepalived include are
  checked as part of the file that includes them.

Options
  -f, --format <name>            Output format: stylish (default) or json (ESLint-compatible)
      --language <lang>          Treat explicitly named files as keepalived or haproxy;
                                 with directories, only look for that language
      --haproxy-version <X.Y>    Target HAProxy version (default: newest the schema covers)
      --keepalived-version <X.Y[.Z]>
                                 Target keepalived version (default: newest the schema covers)
      --color, --no-color        Force colours on or off (default: on for a terminal)
  -h, --help                     Show this help
  -v, --version                  Show cfglint's version

Exit status
  0  no errors found
  1  errors found
  2  usage error, an unreadable or unrecognised path, or nothing to lint
`;
