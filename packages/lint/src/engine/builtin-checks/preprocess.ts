import { family } from './define.js';

/** keepalived's text substitutions: $NAME definitions, ~SEQ/~LST repetition and @id conditions. */
export const PREPROCESS_CHECKS = family('preprocess', {
  'conditional-multiline-definition': ['warning', 'A multi-line $NAME= definition behind an @id condition that does not hold: its continuation lines are read as statements'],
  'expanded-multiline-definition': ['warning', 'A definition produced by expansion ends in a backslash, which keepalived does not continue there'],
  'invalid-repeat': ['error', 'A keepalived ~SEQ or ~LST specification keepalived cannot use, so it skips the line'],
  'line-too-long': ['warning', "Expanding $NAME references would make the line longer than keepalived's 1023-byte buffer"],
  'redefined-unused': ['warning', 'A $NAME definition replaced before anything used it'],
  'too-deep': ['error', 'Expansion that never settles, such as a definition that refers to itself'],
  'too-large': ['error', 'Expansion producing so many lines that cfglint stops analysing the file'],
  'undefined-variable': ['warning', 'A $NAME reference with no definition before it: keepalived leaves the text as written'],
  'unexpanded-variable': ['warning', 'A $NAME reference written where keepalived does not substitute it'],
});
