import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript modules of the generator
import { readCFile } from './c-source.mjs';
// @ts-expect-error plain JavaScript modules of the generator
import { handlerFacts } from './handler-facts.mjs';
// @ts-expect-error plain JavaScript modules of the generator
import { buildKeywordTree } from './keyword-tree.mjs';
// @ts-expect-error plain JavaScript modules of the generator
import { collectDefines, evalExpr } from './macros.mjs';
// @ts-expect-error plain JavaScript modules of the generator
import { argsFromFacts } from './aggregate.mjs';

// A miniature of keepalived's parser code, in its layout (names at column 0, braces alone).
const parserC = `
#define PRIO_MAX 255
#define TIMER_HZ 1000000
#define TIMER_HZ_DIGITS 6
static const char *modes[] = {"fast", "slow", NULL};

static void
prio_handler(const vector_t *strvec)
{
	unsigned prio;
	if (!read_unsigned_strvec(strvec, 1, &prio, 1, PRIO_MAX, false))
		report_config_error(CONFIG_GENERAL_ERROR, "bad priority");
}

static void
state_handler(const vector_t *strvec)
{
	const char *str = strvec_slot(strvec, 1);
	if (!strcmp(str, "MASTER"))
		x = 1;
	else if (!strcmp(str, "BACKUP"))
		x = 2;
	else
		report_config_error(CONFIG_GENERAL_ERROR, "unknown state");
}

static void
mode_handler(const vector_t *strvec)
{
	const char *str = strvec_slot(strvec, 1);
	int i;
	for (i = 0; modes[i] && strcmp(str, modes[i]); i++);
}

static void
adv_handler(const vector_t *strvec)
{
	unsigned v;
	read_decimal_unsigned_strvec(strvec, 1, &v, TIMER_HZ / 100, 255 * TIMER_HZ, TIMER_HZ_DIGITS, true);
}

static void
vip_handler(const vector_t *strvec)
{
	alloc_value_block(alloc_vip, strvec);
}

static void
old_handler(const vector_t *strvec)
{
	report_config_error(CONFIG_GENERAL_ERROR, "old_name is deprecated - please use 'new_name'");
}

static void
flag_handler(const vector_t *strvec)
{
	int res = true;
	if (vector_size(strvec) >= 2)
		res = check_true_false(strvec_slot(strvec, 1));
}

static void
install_check(const char *name, bool with_port)
{
	install_keyword(name, &check_handler);
	install_sublevel();
	if (with_port)
		install_keyword("port", &port_handler);
	install_keyword("timeout", &timeout_handler);
	install_sublevel_end();
}

void
init_keywords(bool active)
{
	install_keyword_root("instance", &instance_handler, active);
	install_keyword("priority", &prio_handler);
	install_keyword("state", &state_handler);
	install_keyword("mode", &mode_handler);
	install_keyword("advert_int", &adv_handler);
	install_keyword("virtual_ipaddress", &vip_handler);
	install_keyword("old_name", &old_handler);	/* Deprecated */
	install_keyword("new_name", &old_handler);
#ifdef _WITH_FLAGS_
	install_keyword("flag", &flag_handler);
#endif
	install_keyword("auth", NULL);
	install_sublevel();
	install_keyword("auth_type", &state_handler);
	install_sublevel_end();
	install_keyword_root("server", &server_handler, active);
	install_check("TCP", false);
	install_check("HTTP", true);
}
`;

const file = readCFile('keepalived/core/mini_parser.c', parserC);

function node(tree: { roots: any[] }, path: string[]): any {
  let list = tree.roots;
  let found: any;
  for (const name of path) {
    found = list.find((n: any) => n.name === name);
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

describe('keyword tree replay', () => {
  const tree = buildKeywordTree([file]);

  it('nests keywords under the last root and follows install_sublevel', () => {
    expect(node(tree, ['instance']).children.map((c: any) => c.name)).toEqual(['priority', 'state', 'mode', 'advert_int', 'virtual_ipaddress', 'old_name', 'new_name', 'flag', 'auth']);
    expect(node(tree, ['instance', 'auth']).children.map((c: any) => c.name)).toEqual(['auth_type']);
  });

  it('follows helpers with bound parameters and literal flags', () => {
    expect(node(tree, ['server', 'TCP']).children.map((c: any) => c.name)).toEqual(['timeout']);
    expect(node(tree, ['server', 'HTTP']).children.map((c: any) => c.name)).toEqual(['port', 'timeout']);
  });

  it('keeps the #if condition of each keyword and the install-line comment', () => {
    expect(node(tree, ['instance', 'flag']).conds).toEqual([['defined _WITH_FLAGS_']]);
    expect(node(tree, ['instance', 'old_name']).at.comment).toBe('Deprecated');
  });
});

describe('handler facts', () => {
  const defines = collectDefines([file]);
  const facts = (name: string) => handlerFacts(file.functions.filter((f: any) => f.name === name), defines, file)[0];

  it('numeric ranges with limits resolved through #defines', () => {
    expect(facts('prio_handler').reads).toEqual([{ index: 1, kind: 'unsigned', min: 1, max: 255 }]);
    expect(facts('adv_handler').reads).toEqual([{ index: 1, kind: 'decimal', shift: 6, min: 10000, max: 255000000 }]);
    expect(argsFromFacts([facts('adv_handler')])).toEqual([{ name: 'value', value: { type: 'float', decimals: 6, min: 0.01, max: 255 } }]);
  });

  it('closed word sets from strcmp chains ending in an error, and from word tables', () => {
    expect(facts('state_handler').words).toEqual([{ index: 1, values: ['MASTER', 'BACKUP'], closed: true }]);
    expect(facts('mode_handler').words).toEqual([{ index: 1, values: ['fast', 'slow'], closed: true }]);
  });

  it('list blocks, booleans, deprecations and required arguments', () => {
    expect(facts('vip_handler').list).toBe(true);
    expect(facts('flag_handler').bool).toBe(true);
    expect(facts('flag_handler').requiresArg).toBeUndefined();
    expect(facts('prio_handler').requiresArg).toBe(true);
    expect(facts('old_handler').deprecated).toEqual([{ message: "old_name is deprecated - please use 'new_name'", reported: true, replacement: 'new_name' }]);
  });
});

describe('macro evaluation', () => {
  it('evaluates C constant expressions with casts, suffixes and limits', () => {
    const defines = new Map([
      ['A', '(unsigned)10U'],
      ['B', 'A * 3'],
    ]);
    expect(evalExpr('B + 1', defines)).toBe(31);
    expect(evalExpr('UINT_MAX / 1000000', defines)).toBe(4294);
    expect(evalExpr('unknown_var', defines)).toBeUndefined();
  });
});
