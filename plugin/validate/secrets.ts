import { pointer as toPointer, type Problem } from '../declarations/problem.js';
import type { RawFile } from '../declarations/load.js';
import { isJsonObject } from '../json.js';
import { credentialPart, literalCredential } from './header-credential.js';

/** What the secret scan found: located problems, and the matched texts (for redaction only, never printed). */
export interface SecretScan {
  problems: Problem[];
  /** The secret texts found, so other messages can be redacted before they are shown. */
  values: string[];
}

/** A new-API token: a JWT (`eyJ...`, base64url parts joined by dots) or one long `eyJ...` run. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?|eyJ[A-Za-z0-9_-]{32,}/;
/** A classic API key: exactly 32 hex characters. */
const HEX_32 = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])/;
/** Shorter environment values are not real keys and would match ordinary words. */
const MIN_ENV_SECRET = 8;
/** Header names whose whole value is a credential, besides the ones the manifest declares. */
const AUTH_HEADERS = ['authorization', 'x-mailerlite-apikey'];

const EXAMPLE = '"Authorization": "Bearer <<secrets.api_key>>"';
const EXPECTED = 'the key as a named secret (<<secrets.api_key>>); its value comes from the builder\'s secret store, or MAILERLITE_API_KEY in the harness';

/**
 * Looks for secret values in the files a bundle is made of: a literal key in an auth
 * header (`Authorization: Bearer <literal>`, `X-MailerLite-ApiKey: <literal>`), anything
 * shaped like a MailerLite API key anywhere (a JWT-like `eyJ...` token, 32 hex characters),
 * and the value of each environment variable that holds the key (`MAILERLITE_API_KEY` and
 * every `secrets.*.env` of the manifest). Problems name the file and JSON Pointer, never
 * the value.
 *
 * @example
 * scanSecrets([{ file: 'manifest.json', value: manifest }], process.env).problems
 * // [{ file: 'templates/steps/new/x.json', pointer: '/request/headers/Authorization', rule: 'secret-in-header', ... }]
 */
export function scanSecrets(files: readonly RawFile[], env: NodeJS.ProcessEnv): SecretScan {
  const envValues = secretEnvValues(files, env);
  const problems: Problem[] = [];
  const values = new Set<string>();
  const seen = new Set<string>();
  const report = (problem: Problem, value: string): void => {
    values.add(value);
    const key = `${problem.file}\u0000${problem.pointer}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  for (const { file, value } of files) {
    for (const header of authHeaderValues(value)) {
      if (literalCredential(header.value)) {
        report({ file, pointer: header.pointer, rule: 'secret-in-header', message: `the ${header.name} header holds a literal key, not a <<secrets.*>> placeholder`, expected: EXPECTED, example: EXAMPLE }, credentialPart(header.value));
      }
    }
    walkStrings(value, [], (text, at, isKey) => {
      const where = isKey ? 'a key name' : 'a value';
      for (const { name, value: secret } of envValues) {
        if (text.includes(secret)) report({ file, pointer: toPointer(...at), rule: 'secret-env-value', message: `${where} holds the API key from the environment variable ${name}`, expected: EXPECTED, example: EXAMPLE }, secret);
      }
      const jwt = JWT_LIKE.exec(text)?.[0];
      if (jwt) report({ file, pointer: toPointer(...at), rule: 'secret-api-key', message: `${where} looks like a new MailerLite API key (a long JWT-like "eyJ..." token)`, expected: EXPECTED, example: EXAMPLE }, jwt);
      const hex = HEX_32.exec(text)?.[0];
      if (hex) report({ file, pointer: toPointer(...at), rule: 'secret-api-key', message: `${where} looks like a classic MailerLite API key (32 hex characters)`, expected: EXPECTED, example: EXAMPLE }, hex);
    });
  }
  return { problems, values: [...values] };
}

/** The environment variables that hold the key, with their values (long enough to be keys). */
function secretEnvValues(files: readonly RawFile[], env: NodeJS.ProcessEnv): Array<{ name: string; value: string }> {
  const names = new Set(['MAILERLITE_API_KEY']);
  const manifest = files.find((f) => f.file === 'manifest.json')?.value;
  const secrets = isJsonObject(manifest) ? manifest.secrets : undefined;
  if (isJsonObject(secrets)) {
    for (const declaration of Object.values(secrets)) {
      if (isJsonObject(declaration) && typeof declaration.env === 'string') names.add(declaration.env);
    }
  }
  return [...names]
    .map((name) => ({ name, value: env[name]?.trim() ?? '' }))
    .filter((entry) => entry.value.length >= MIN_ENV_SECRET);
}

interface HeaderValue {
  name: string;
  value: string;
  pointer: string;
}

/** Auth header values of a template (`/request/headers`) or a manifest (`/apis/<v>/auth_header`). */
function authHeaderValues(document: unknown): HeaderValue[] {
  if (!isJsonObject(document)) return [];
  const found: HeaderValue[] = [];
  const declared = new Set(AUTH_HEADERS);
  if (isJsonObject(document.apis)) {
    for (const [version, api] of Object.entries(document.apis)) {
      const auth = isJsonObject(api) ? api.auth_header : undefined;
      if (!isJsonObject(auth) || typeof auth.name !== 'string' || typeof auth.value !== 'string') continue;
      found.push({ name: auth.name, value: auth.value, pointer: toPointer('apis', version, 'auth_header', 'value') });
    }
  }
  const headers = isJsonObject(document.request) ? document.request.headers : undefined;
  if (isJsonObject(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && declared.has(name.toLowerCase())) found.push({ name, value, pointer: toPointer('request', 'headers', name) });
    }
  }
  return found;
}

/** Calls `visit` with every string value and every object key, with its JSON Pointer tokens. */
function walkStrings(value: unknown, at: Array<string | number>, visit: (text: string, at: Array<string | number>, isKey: boolean) => void): void {
  if (typeof value === 'string') visit(value, at, false);
  else if (Array.isArray(value)) value.forEach((item, index) => walkStrings(item, [...at, index], visit));
  else if (isJsonObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      visit(key, [...at, key], true);
      walkStrings(item, [...at, key], visit);
    }
  }
}
