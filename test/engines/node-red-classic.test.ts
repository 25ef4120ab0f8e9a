import { nodeRedSuite } from './support/node-red-suite.js';

/**
 * The Node-RED export of the classic-API flows, run by a real Node-RED 4 against the
 * simulator: every one-message scenario answers and reaches MailerLite exactly as our
 * engine does. Fails (never skips) when Node-RED is missing.
 */
nodeRedSuite('classic');
