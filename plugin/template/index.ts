export { tokenize, hasPlaceholders, soleVariable, type Token } from './tokenize.js';
export { compileTemplate, renderText, type CompiledTemplate } from './compile.js';
export { referencedPaths, unknownHelpers } from './references.js';
export { HELPERS, HELPER_NAMES, isBlank } from './helpers.js';
