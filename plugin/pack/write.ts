import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Writes a file atomically: the text goes to a temporary file next to the target, which
 * is then renamed over it, so a reader never sees half a bundle. Creates the folder.
 *
 * @example
 * await writeAtomic('dist-bundle/mailerlite-steps-0.1.0.plugin.json', text)
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates the `--out` folder (and its parents) and returns its absolute path. A folder
 * that cannot be made (a file in the way, no permission) is a UsageError naming it,
 * before anything is written.
 *
 * @example
 * await makeOutDir('notes.txt/export') // UsageError: --out notes.txt/export: notes.txt is a file, not a folder
 */
export async function makeOutDir(dir: string, flag = '--out'): Promise<string> {
  const full = path.resolve(dir);
  try {
    await mkdir(full, { recursive: true });
    return full;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      const file = await fileInTheWay(full);
      throw new UsageError(`${flag} ${dir}: ${file === undefined ? dir : path.isAbsolute(dir) ? file : path.relative(process.cwd(), file)} is a file, not a folder; pick a folder for ${flag}`);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`${flag} ${dir}: cannot create this folder (${code === 'EROFS' ? 'read-only file system' : 'permission denied'}); pick another with ${flag}`);
    throw error;
  }
}

/** The nearest existing path on the way to `dir` that is not a folder. */
async function fileInTheWay(dir: string): Promise<string | undefined> {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) return at;
    } catch {
      // Not there yet: look one level up.
    }
    if (path.dirname(at) === at) return undefined;
  }
}
