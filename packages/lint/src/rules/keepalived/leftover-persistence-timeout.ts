import { keepalivedRule } from '../../engine/contexts.js';
import { deleteLineEdit, statementSpan } from './locate.js';

/** Schedulers whose point is spreading connections; persistence hides that. */
const SPREADING = new Set(['rr', 'wrr']);
/** The value the stock keepalived.conf sample carries. */
const STOCK_VALUE = 50;

export default keepalivedRule({
  id: 'keepalived/leftover-persistence-timeout',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'persistence_timeout left in a round-robin virtual_server (the stock sample carries one) pins each client to one real server',
    hasSuggestions: true,
  },
  messages: {
    leftover:
      'persistence_timeout {{seconds}} sends every client back to the real server it first reached for {{seconds}} s after its last connection, so {{algo}} never spreads one client\'s requests{{stock}}',
    removeLine: 'Remove persistence_timeout (clients are spread again; sessions kept on a real server are lost)',
  },
  defaultOptions: {},
  check({ model, document, report, messages }) {
    for (const vs of model.virtualServers) {
      const timeout = vs.persistenceTimeout;
      if (timeout?.value === undefined || timeout.value === 0) continue;
      const algo = vs.lbAlgo?.value;
      const stock = timeout.value === STOCK_VALUE;
      if (!stock && !(algo && SPREADING.has(algo))) continue;
      const edit = deleteLineEdit(timeout, document.source(timeout.fileName)?.text);
      report({
        messageId: 'leftover',
        data: {
          seconds: timeout.value,
          algo: algo ? `lb_algo ${algo}` : 'the scheduler',
          stock: stock ? ' (50 is the value of the stock sample configuration, a common leftover)' : '',
        },
        at: statementSpan(timeout),
        suggestions: edit ? [{ description: messages.removeLine, edits: [edit] }] : undefined,
      });
    }
  },
});
