import type { Rule } from '../plugin-data.js';

/**
 * `versions-match`: the manifest's `version` equals the `version` of the package.json next
 * to it (when there is one), so a packed plugin and its npm package never disagree.
 *
 * @example
 * versionsMatch(data) // [{ file: 'manifest.json', pointer: '/version', rule: 'versions-match', message: 'version "0.2.0" differs from package.json\'s "0.1.0"', ... }]
 */
export const versionsMatch: Rule = (data) => {
  const manifest = data.manifest;
  if (!manifest || data.packageVersion === undefined || manifest.value.version === data.packageVersion) return [];
  return [
    {
      file: manifest.file,
      pointer: '/version',
      rule: 'versions-match',
      message: `version "${manifest.value.version}" differs from package.json's "${data.packageVersion}"`,
      expected: `the package.json version, "${data.packageVersion}"`,
      example: `"version": "${data.packageVersion}"`,
    },
  ];
};
