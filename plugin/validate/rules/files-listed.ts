import type { Problem } from '../../declarations/problem.js';
import { didYouMean, nearest } from '../../nearest.js';
import { isPlainPath, type Rule } from '../plugin-data.js';

const FOLDERS = { templates: 'templates/steps/', flows: 'templates/flows/' } as const;
const EXAMPLES = { templates: 'templates/steps/new/subscriber-lookup.json', flows: 'templates/flows/new/whatsapp-join.json' } as const;

/**
 * `files-listed`: every path the manifest lists is a plain relative path to an existing
 * file, and every `.json` file under `templates/steps/` and `templates/flows/` is listed
 * (an unlisted file would silently not ship).
 *
 * @example
 * filesListed(data) // [{ file: 'manifest.json', pointer: '/templates/3', rule: 'files-listed', message: 'no file at templates/steps/new/lookup.json', ... }]
 */
export const filesListed: Rule = (data) => {
  const problems: Problem[] = [];
  for (const key of ['templates', 'flows'] as const) {
    const folder = FOLDERS[key];
    const onDisk = data.found[key];
    const listed = new Set(data.listed[key].map((entry) => entry.path));
    const unlisted = onDisk.filter((file) => !listed.has(file));
    for (const entry of data.listed[key]) {
      if (!isPlainPath(entry.path)) {
        problems.push({
          file: 'manifest.json',
          pointer: entry.pointer,
          rule: 'files-listed',
          message: `"${entry.path}" is not a plain relative path`,
          expected: `a path relative to manifest.json, under ${folder}, without "." or ".." segments`,
          example: EXAMPLES[key],
        });
      } else if (!entry.exists) {
        const near = nearest(entry.path, unlisted);
        problems.push({
          file: 'manifest.json',
          pointer: entry.pointer,
          rule: 'files-listed',
          message: `no file at ${entry.path}${didYouMean(entry.path, unlisted)}`,
          expected: `the path of an existing .json file under ${folder}`,
          ...(near === undefined ? {} : { example: near }),
        });
      }
    }
    if (!data.manifest) continue;
    for (const file of unlisted) {
      problems.push({
        file,
        pointer: '',
        rule: 'files-listed',
        message: `not listed in manifest.json "${key}", so it is neither checked nor shipped`,
        expected: `every .json file under ${folder} listed in manifest.json /${key} (or moved out of ${folder})`,
        example: `"${key}": [ ..., "${file}" ]`,
      });
    }
  }
  return problems;
};
