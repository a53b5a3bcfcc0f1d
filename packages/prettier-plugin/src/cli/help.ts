export const HELP = `Usage: cfgfmt [--check | --write] [options] <files|dirs…>
       cfgfmt [--check] [options] (- | --stdin-filepath <path>) < input

Formats keepalived.conf and haproxy.cfg files: layout only. Comments stay where they
are, nothing is reordered, quoted strings and escapes are kept byte for byte, line
endings are kept, and a file with a syntax error is never rewritten.

Modes:
  (default)                 print the formatted files to standard output
  -c, --check               list the files that are not formatted (exit 1 if any)
  -w, --write               rewrite the files that are not formatted, listing them

Files:
  Directories are searched recursively for keepalived.conf, *.keepalived.conf,
  haproxy.cfg, *.haproxy.cfg, and *.conf / *.cfg files below a directory named
  keepalived / haproxy (cfglint's rules). A file named explicitly is recognised by
  its name, else by --language, else by its content.
  --language <keepalived|haproxy>   language of explicitly named files
  -, --stdin-filepath <path>        format standard input to standard output; the
                            path (need not exist) picks language and configuration

Layout (these override Prettier configuration files):
  --tab-width <n>           spaces per indentation level (default 4)
  --use-tabs                indent with tabs
  --end-of-line <auto|lf|crlf>   line endings (default auto: keep the file's)
  --haproxy-align-servers   line up the name and address columns of consecutive
                            server lines
  --no-config               ignore Prettier configuration (.prettierrc, .editorconfig…)

Without --no-config, cfgfmt reads the same configuration files as
\`prettier --plugin @cfglint/prettier-plugin FILE\` and writes exactly what it prints.

Exit status:
  0  all files formatted (or already formatted)
  1  --check found files that are not formatted
  2  usage error, an unreadable or unrecognised path, or a file with a syntax
     error (reported as FILE:LINE:COLUMN: message; the file is left untouched)

Other:
  -h, --help                show this help
  -v, --version             show the version
`;
