import type { Catalog } from '../catalog.js';
import type { VariableDeclaration } from '../generated/step-template.js';
import { KEY_VARIABLE } from './account.js';
import { ACCOUNT_TYPE, CATEGORY, INVALID_INPUT, paletteTypes, SOURCE_TYPES, type PaletteInput, type PaletteType } from './palette.js';

/** The node colour in the palette and the workspace (MailerLite's green, lightened as Node-RED's colours are). */
export const COLOR = '#A3DFB6';

/** Id of the element holding the palette's declarations for the editor script. */
export const DATA_ID = 'mailerlite-steps-palette';

/** The account node's properties, each with the manifest setting it holds. */
export const ACCOUNT_FIELDS = [
  { property: 'api', setting: 'api_version' },
  { property: 'groupId', setting: 'group_id' },
  { property: 'optinFormUrl', setting: 'optin_form_url' },
  { property: 'groupName', setting: 'group_name' },
] as const;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML, in an element or in a quoted attribute.
 *
 * @example
 * escapeHtml('<b> & "q"') // '&lt;b&gt; &amp; &quot;q&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** JSON that can sit inside a `<script>` element: no `<`, `>` or `&` can end it or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function exampleText(example: unknown): string {
  if (example === undefined) return '';
  return typeof example === 'string' ? example : JSON.stringify(example);
}

/** What the editor script needs of one node type (plain data; the edit form and help are markup below). */
function typeData(entry: PaletteType): Record<string, unknown> {
  return {
    type: entry.type,
    template: entry.template.id,
    api: entry.template.api,
    label: entry.label,
    outputs: entry.outputs,
    inputs: entry.inputs.map((input) => ({
      name: input.name,
      property: input.property,
      typeProperty: input.typeProperty,
      defaultSource: input.defaultSource,
      required: input.declaration.required === true,
      example: exampleText(input.declaration.example),
    })),
  };
}

function inputRow(input: PaletteInput): string {
  const decl = input.declaration;
  const label = decl.label ?? input.name;
  const example = exampleText(decl.example);
  const id = `node-input-${input.property}`;
  return [
    `<div class="form-row mailerlite-steps-input">`,
    `<label for="${id}" title="${escapeHtml(input.name)}">${escapeHtml(label)}${decl.required ? ' *' : ''}</label>`,
    `<input type="text" id="${id}" style="width: 70%">`,
    `<input type="hidden" id="node-input-${input.typeProperty}">`,
    `</div>`,
    `<div class="form-row mailerlite-steps-about"><label></label><span class="mailerlite-steps-text">${escapeHtml(decl.description)}${example === '' ? '' : ` Example: <code>${escapeHtml(example)}</code>`}</span></div>`,
  ].join('\n');
}

function tryRow(input: PaletteInput): string {
  const label = input.declaration.label ?? input.name;
  return `<div class="form-row"><label for="mailerlite-steps-try-${input.name}"><i class="fa fa-flask"></i> ${escapeHtml(label)}</label><input type="text" class="mailerlite-steps-try" id="mailerlite-steps-try-${input.name}" data-input="${escapeHtml(input.name)}" value="${escapeHtml(exampleText(input.declaration.example))}" style="width: 70%"></div>`;
}

/** How the dialogs' hints and the preview look (Node-RED's own colours, with fallbacks). */
const STYLE = `<style>
.mailerlite-steps-about { margin-top: -6px; }
.mailerlite-steps-text { display: inline-block; width: 70%; vertical-align: top; font-size: 0.9em; color: var(--red-ui-secondary-text-color, #666); }
.mailerlite-steps-preview { white-space: pre-wrap; word-break: break-all; max-height: 360px; overflow: auto; font-size: 12px; margin: 0; }
</style>`;

/** The edit dialog of one step node: name, account, where each input comes from, and the preview. */
function editTemplate(entry: PaletteType): string {
  const outputs = entry.outputs.map((name, i) => `${i + 1} ${name}`).join(', ');
  return [
    `<script type="text/html" data-template-name="${entry.type}">`,
    `<div class="form-row"><label for="node-input-name"><i class="fa fa-tag"></i> Name</label><input type="text" id="node-input-name" placeholder="${escapeHtml(entry.label)}"></div>`,
    `<div class="form-row"><label for="node-input-account"><i class="fa fa-user"></i> Account</label><input type="text" id="node-input-account"></div>`,
    ...entry.inputs.map(inputRow),
    `<div class="form-tips">Outputs: ${escapeHtml(outputs)}. The outputs of the step are merged into <code>msg.payload</code>; <code>msg.outcome</code> names the output, <code>msg.mailerlite</code> holds the whole result (key redacted).</div>`,
    `<hr>`,
    `<div class="form-row"><label><i class="fa fa-eye"></i> Preview</label><span class="mailerlite-steps-text">The request this node sends for these values (key redacted):</span></div>`,
    ...entry.inputs.map(tryRow),
    `<div class="form-row"><pre class="mailerlite-steps-preview" data-type="${entry.type}"></pre></div>`,
    `</script>`,
  ].join('\n');
}

function typeName(decl: VariableDeclaration): string {
  return decl.format ? `${decl.type} (${decl.format})` : decl.type;
}

/** The help sidebar of one step node, from the template's declarations. */
function helpTemplate(entry: PaletteType): string {
  const template = entry.template;
  const inputs = entry.inputs
    .map((input) => {
      const decl = input.declaration;
      const example = exampleText(decl.example);
      return `<dt${decl.required ? '' : ' class="optional"'}>payload.${escapeHtml(input.name)} <span class="property-type">${escapeHtml(typeName(decl))}</span></dt><dd>${escapeHtml(decl.label ?? input.name)}: ${escapeHtml(decl.description)}${example === '' ? '' : ` Example: <code>${escapeHtml(example)}</code>.`}</dd>`;
    })
    .join('\n');
  const outputs = Object.entries(template.outputs)
    .map(([name, mapping]) => `<dt>payload.${escapeHtml(name)} <span class="property-type">${escapeHtml(mapping.type ?? 'any')}</span></dt><dd>${escapeHtml(mapping.description)}</dd>`)
    .join('\n');
  const ports = entry.outputs
    .map((name) => {
      const rule = template.outcomes.find((outcome) => outcome.name === name);
      const description = rule ? rule.description : 'An input is missing or malformed (e.g. not an email address): nothing was sent; ask again.';
      return `<li>${escapeHtml(name)}<dl class="message-properties"><dd>${escapeHtml(description)}</dd></dl></li>`;
    })
    .join('\n');
  return [
    `<script type="text/html" data-help-name="${entry.type}">`,
    `<p>${escapeHtml(template.description)}</p>`,
    entry.inputs.length > 0 ? `<h3>Inputs</h3>\n<p>Each from <code>msg.payload.&lt;name&gt;</code> unless the node reads it from another msg, flow, global or env property.</p>\n<dl class="message-properties">\n${inputs}\n</dl>` : '',
    `<h3>Outputs</h3>\n<p>One per outcome, in this order. The message goes on with the step's outputs merged into <code>msg.payload</code>, <code>msg.outcome</code>, <code>msg.mailerlite</code> (the step result: request with the key redacted, response, outputs, attempts) and <code>msg.settings</code> (the account's settings).</p>`,
    `<ol class="node-ports">\n${ports}\n</ol>`,
    outputs === '' ? '' : `<h3>Outputs written to msg.payload</h3>\n<dl class="message-properties">\n${outputs}\n</dl>`,
    `<h3>Details</h3>\n<p>Template <code>${escapeHtml(template.id)}</code> (${escapeHtml(template.api)} API): <code>${escapeHtml(template.request.method)} ${escapeHtml(template.request.url)}</code>, run by the mailerlite-steps engine exactly as its harness previews it. The status shows the last outcome and HTTP status.</p>`,
    `</script>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/** The account config node's dialog and help, from the manifest's settings and secret. */
function accountTemplates(catalog: Catalog): string {
  const settings = catalog.manifest.settings;
  const secret = Object.values(catalog.manifest.secrets)[0];
  const rows = ACCOUNT_FIELDS.map(({ property, setting }) => {
    const decl = settings[setting];
    const label = escapeHtml(decl?.label ?? setting);
    const field =
      property === 'api'
        ? `<select id="node-config-input-api" style="width: 70%">${(decl?.enum ?? ['new', 'classic']).map((v) => `<option value="${escapeHtml(String(v))}">${escapeHtml(String(v))}</option>`).join('')}</select>`
        : `<input type="text" id="node-config-input-${property}" style="width: 70%" placeholder="${escapeHtml(exampleText(decl?.example))}">`;
    return `<div class="form-row"><label for="node-config-input-${property}">${label}</label>${field}</div>\n<div class="form-row mailerlite-steps-about"><label></label><span class="mailerlite-steps-text">${escapeHtml(decl?.description ?? '')}</span></div>`;
  });
  const base = `<div class="form-row"><label for="node-config-input-baseUrl">Base URL</label><input type="text" id="node-config-input-baseUrl" style="width: 70%" placeholder="MailerLite's own"></div>\n<div class="form-row mailerlite-steps-about"><label></label><span class="mailerlite-steps-text">Leave blank for MailerLite (connect.mailerlite.com for new, api.mailerlite.com for classic). An origin, alone or followed by <code>/api</code> or <code>/api/v2</code>, e.g. <code>http://127.0.0.1:9090</code> for the simulator (<code>mailerlite-steps sim</code>).</span></div>`;
  const key = `<div class="form-row"><label for="node-config-input-apiKey"><i class="fa fa-key"></i> API key</label><input type="password" id="node-config-input-apiKey" style="width: 70%"></div>\n<div class="form-row mailerlite-steps-about"><label></label><span class="mailerlite-steps-text">${escapeHtml(secret?.description ?? '')} Kept in Node-RED's credentials, never in the flow or an export; when blank, the <code>${KEY_VARIABLE}</code> environment variable.</span></div>`;
  return [
    `<script type="text/html" data-template-name="${ACCOUNT_TYPE}">`,
    `<div class="form-row"><label for="node-config-input-name"><i class="fa fa-tag"></i> Name</label><input type="text" id="node-config-input-name" style="width: 70%"></div>`,
    rows[0],
    base,
    key,
    ...rows.slice(1),
    `</script>`,
    `<script type="text/html" data-help-name="${ACCOUNT_TYPE}">`,
    `<p>A MailerLite account for the MailerLite step nodes: the API version, the base URL, the plugin's settings and the API key.</p>`,
    `<h3>Properties</h3>\n<dl class="message-properties">`,
    `<dt>api</dt><dd>${escapeHtml(settings.api_version?.description ?? '')} A step node of the other version refuses to run with this account.</dd>`,
    `<dt>baseUrl</dt><dd>Blank for MailerLite; an origin such as <code>http://127.0.0.1:9090</code> for the simulator (<code>/api</code> or <code>/api/v2</code> after it is accepted too).</dd>`,
    `<dt>API key</dt><dd>A credential: never in <code>msg</code>, a log line, the status or an exported flow. Falls back to the <code>${KEY_VARIABLE}</code> environment variable.</dd>`,
    ...ACCOUNT_FIELDS.slice(1).map(({ property, setting }) => `<dt>${property}</dt><dd>${escapeHtml(settings[setting]?.description ?? '')} Steps and flows read it as <code>settings.${setting}</code>.</dd>`),
    `</dl>`,
    `</script>`,
  ].join('\n');
}

/**
 * The editor side of the palette (`mailerlite-steps.html`, next to `mailerlite-steps.cjs`),
 * made from the declarations: the data the editor script registers the node types from
 * (as JSON), the editor script itself (a static file, included as it is), and for the
 * account and each step type its edit dialog and help. No per-template code.
 *
 * @example
 * writeFileSync('dist/plugin/node-red/mailerlite-steps.html', paletteHtml(loadCatalog(), readFileSync('plugin/node-red/editor/editor.js', 'utf8')));
 */
export function paletteHtml(catalog: Catalog, editorScript: string): string {
  if (/<\/script/i.test(editorScript)) throw new Error('the editor script must not contain "</script"');
  const types = paletteTypes(catalog);
  const data = {
    category: CATEGORY,
    color: COLOR,
    account: { type: ACCOUNT_TYPE, defaults: { api: catalog.manifest.settings.api_version?.default ?? 'new', groupName: catalog.manifest.settings.group_name?.default ?? '' } },
    sourceTypes: SOURCE_TYPES,
    invalidInput: INVALID_INPUT,
    types: types.map(typeData),
  };
  return [
    `<!-- mailerlite-steps: generated by scripts/node-red-html.ts from manifest.json and the step templates. -->`,
    `<script type="application/json" id="${DATA_ID}">${scriptJson(data)}</script>`,
    `<script type="text/javascript">\n${editorScript.trim()}\n</script>`,
    STYLE,
    accountTemplates(catalog),
    ...types.flatMap((entry) => [editTemplate(entry), helpTemplate(entry)]),
    '',
  ].join('\n');
}
