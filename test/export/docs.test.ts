import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFlow } from '../../plugin/export/flow.js';
import { flowPage } from '../../plugin/export/markdown.js';
import { catalog, context, flow, PROJECT, section } from './catalog.js';

const doc = readFileSync(path.join(PROJECT, 'docs', 'installing.md'), 'utf8');
const page = flowPage(exportFlow(flow('whatsapp.join', 'new'), catalog.template, context()));

/** A step's part of the page, from its heading on. */
const step = (node: string): string => page.slice(page.indexOf(`## Step \`${node}\``));

/** The first fenced block of a part of the page. */
const fence = (part: string): string => /```\w*\n[\s\S]*?\n```/.exec(part)?.[0] ?? '(no block)';

describe('docs/installing.md shows the real export of the JOIN flow', () => {
  it.each([
    ['what to capture', section(page, '## Before the first step').trim()],
    ['the routing table and its caveats', section(page, '## Routing table').trim()],
    ["the lookup's URL", fence(section(step('lookup'), '#### 2. URL'))],
    ["the lookup's response mapping", fence(section(step('lookup'), '#### 6. Response mapping'))],
    ["the lookup's status conditions", fence(section(step('lookup'), '#### 7. Status conditions'))],
    ["the upsert's body and its caveats", section(step('upsert'), '#### 6. Body').trim()],
    ["the upsert's status conditions", fence(section(step('upsert'), '#### 8. Status conditions'))],
  ])('%s, as this version writes it', (_part, text) => {
    expect(doc).toContain(text);
  });

  it('quotes the upsert body with {{customer_email}} and the group as {{group_id}}', () => {
    expect(doc).toContain('```json\n{\n  "email": "{{customer_email}}",\n  "fields": {\n    "name": "{{customer_name}}",\n    "phone": "{{customer_phone}}"\n  },\n  "groups": ["{{group_id}}"],\n  "status": "active"\n}\n```');
  });
});
