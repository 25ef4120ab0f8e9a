import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The version of a dev dependency a test suite drives (a real engine), checked to be of
 * the major version the suite is written for. Throws, so the suite fails and never skips,
 * when it is missing or of another major.
 *
 * @example
 * devDependencyVersion('newman', 6, 'the Postman export tests') // '6.2.2'
 */
export function devDependencyVersion(name: string, major: number, needs: string): string {
  let version: string;
  try {
    version = (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    throw new Error(`${name} is not installed: ${needs} need the devDependency ${name} ${major} (npm install)`);
  }
  if (!version.startsWith(`${major}.`)) throw new Error(`${needs} need ${name} ${major}, found ${version}`);
  return version;
}
