import { describe, it } from 'vitest';

/** True under CI (`CI=true`, as CI services set it): a missing requirement fails the run. */
export const IN_CI = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

/**
 * A suite that needs something from the machine (a browser, a build). When `missing`
 * names what is missing: under CI the suite is one failing test saying so (a run that
 * skipped it would look green without having checked anything); elsewhere it is skipped
 * and its title and a warning say why.
 *
 * @example
 * describeNeeding(existsSync('/usr/bin/chromium') ? undefined : '/usr/bin/chromium is missing', 'web harness in Chromium', () => { ... })
 */
export function describeNeeding(missing: string | undefined, title: string, suite: () => void): void {
  if (missing === undefined) {
    describe(title, suite);
  } else if (IN_CI) {
    describe(title, () => {
      it(`has what it needs (CI=true, so this fails instead of skipping): ${missing}`, () => {
        throw new Error(`${title} cannot run: ${missing}`);
      });
    });
  } else {
    console.warn(`SKIPPED ${title}: ${missing}`);
    describe.skip(`${title} (SKIPPED: ${missing})`, suite);
  }
}

/**
 * Inside a test: skips with the reason outside CI, throws it under CI.
 *
 * @example
 * it('installs the tarball', async ({ skip }) => { const reason = await ensureBuilt(); if (reason) skipOrFail(skip, reason); ... })
 */
export function skipOrFail(skip: (note?: string) => never, reason: string): never {
  if (IN_CI) throw new Error(`cannot run (CI=true, so this fails instead of skipping): ${reason}`);
  return skip(reason);
}
