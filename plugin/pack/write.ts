import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
