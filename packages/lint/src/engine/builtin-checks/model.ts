import { family } from './define.js';

/** Problems found while assembling HAProxy's sections, and its own report directives. */
export const MODEL_CHECKS = family('model', {
  alert: ['error', "An HAProxy '.alert' directive on a line HAProxy reads: it stops with this message"],
  'ambiguous-defaults': ['error', "'from NAME' names a defaults section that several sections share"],
  notice: ['warning', "An HAProxy '.notice' directive: HAProxy prints the message and carries on"],
  'outside-section': ['error', 'An HAProxy keyword before any section line'],
  'unknown-defaults': ['error', "'from NAME' names no defaults section declared before it"],
  warning: ['warning', "An HAProxy '.warning' directive: HAProxy prints the message as a warning"],
});
