import { loadCatalog } from '../../../catalog.js';
import { DeclarationError } from '../../../errors.js';
import { palette } from '../../format/color.js';
import { formatEnd, formatVisit } from '../../format/result.js';
import { createSession } from '../../session.js';
import { openTarget } from '../../../target.js';
import { EXIT } from '../failure.js';
import { writeLines, type Io } from '../io.js';
import { DEMO_SCENES, DEMO_SEED, DEMO_SETTINGS } from './demo-story.js';

/**
 * `mailerlite-steps demo` (`npm start`): starts the embedded simulator and plays the
 * guide's story, printing each request, response, branch and reply. Exits 0 when every
 * scene ends as the story says, 1 otherwise.
 */
export async function runDemo(io: Io): Promise<number> {
  const catalog = loadCatalog();
  const target = await openTarget({ target: 'sim', seed: DEMO_SEED, env: io.env });
  const c = palette(io.stdout, io.env);
  let failures = 0;
  try {
    const session = createSession({ catalog, settings: { ...DEMO_SETTINGS }, api: 'new', target });
    writeLines(io.stdout, [c.bold('mailerlite-steps demo'), c.dim(`${target.description}; group "WhatsApp Opt-Ins" (123456789)`), '']);
    for (const [index, scene] of DEMO_SCENES.entries()) {
      const flow = catalog.flow(scene.flow, 'new');
      if (!flow) throw new DeclarationError(`demo: flow ${scene.flow} is missing from the manifest`);
      writeLines(io.stdout, [c.bold(`${index + 1}. ${scene.title}`), `${c.cyan(`📱 ${scene.contact}:`)} ${scene.message}`]);
      const result = await session.runFlow(flow, scene.vars, {
        onVisit: (visit, so) => writeLines(io.stdout, formatVisit(visit, so, c, so.replies.at(-1))),
      });
      const got = 'result' in result.end ? result.end.result : 'waiting';
      const ok = got === scene.expect;
      if (!ok) failures++;
      writeLines(io.stdout, [formatEnd(result, c), ok ? c.green(`✓ ${scene.expect}`) : c.red(`✗ expected ${scene.expect}, got ${got}`), '']);
    }
  } finally {
    await target.close();
  }
  writeLines(io.stdout, [failures === 0 ? c.green(`demo: all ${DEMO_SCENES.length} scenes ended as the guide says`) : c.red(`demo: ${failures} scene(s) ended differently`)]);
  return failures === 0 ? EXIT.ok : EXIT.fallback;
}
