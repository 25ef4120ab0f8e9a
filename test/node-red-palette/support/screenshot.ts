import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** How many pixels may differ before a committed screenshot is replaced (antialiasing varies by a pixel or two). */
const TOLERANCE = 50;

/**
 * Pixels that differ between two PNGs, counted in the page's canvas; -1 when their sizes differ.
 */
async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const images = await Promise.all(
        [first, second].map(
          (data) =>
            new Promise<HTMLImageElement>((resolve, reject) => {
              const image = new Image();
              image.onload = () => resolve(image);
              image.onerror = () => reject(new Error('not a PNG'));
              image.src = `data:image/png;base64,${data}`;
            }),
        ),
      );
      const pixels = images.map((image) => {
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context?.drawImage(image, 0, 0);
        return context?.getImageData(0, 0, image.width, image.height).data;
      });
      const [x, y] = pixels;
      if (!x || !y || images[0]!.width !== images[1]!.width || images[0]!.height !== images[1]!.height) return -1;
      let count = 0;
      for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) count++;
      return count;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * Writes a screenshot for the docs, unless the committed one looks the same (a few pixels of
 * antialiasing apart): the tree stays clean from run to run, and a real change is written.
 */
export async function saveScreenshot(page: Page, shot: Buffer, file: string): Promise<void> {
  if (existsSync(file)) {
    const differing = await differingPixels(page, readFileSync(file), shot);
    if (differing >= 0 && differing <= TOLERANCE) return;
  }
  writeFileSync(file, shot);
}
