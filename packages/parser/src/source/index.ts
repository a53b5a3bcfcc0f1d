export * from './source-file.js';
export * from './diagnostic.js';
export * from './file-system.js';
