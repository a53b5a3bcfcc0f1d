export { languageFromContent, languageFromName, type ConfigLanguage } from './language.js';
export { readConfigText, type ReadOutcome } from './read-text.js';
export { discoverTargets, type ConfigTarget, type Discovery } from './discover.js';
