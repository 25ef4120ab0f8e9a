export { packBundle, type PackOptions, type PackResult } from './pack.js';
export { runPack, type RunPackOptions, type PackIo } from './command.js';
export { PackRefusedError, type PackRefusal } from './refused.js';
export { buildBundle, readSources, serializeBundle, bundleFileName, BUNDLE_SCHEMA_URL, BUNDLE_SCHEMA_VERSION, type PackSources } from './build.js';
export { canonicalJson, entryDigest, sha256Hex } from './canonical.js';
export { scanSecrets, type SecretScan } from '../validate/secrets.js';
