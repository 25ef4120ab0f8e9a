import { postJson } from './api.js';
import { byId, h, replace } from './dom.js';

/**
 * "12 subscribers, 1 group" for the new-API account (the one most flows use).
 * @param {any} status
 * @param {string} api
 */
function countsText(status, api) {
  const c = status.counts?.[api];
  if (!c) return '';
  return ` Now ${c.subscribers} subscriber${c.subscribers === 1 ? '' : 's'}, ${c.groups} group${c.groups === 1 ? '' : 's'}.`;
}

/**
 * Wires the simulator controls: reset to the default data, or load a named scenario
 * ("Priya already subscribed", "An unsubscribed contact", "Rate limited next requests").
 *
 * @example
 * setupSimulator(target, catalog.scenarios, (message) => showError(message))
 * @param {any} target GET /api/target
 * @param {Array<{ name: string, title: string }>} scenarios
 * @param {(error: unknown) => void} onError
 */
export function setupSimulator(target, scenarios, onError) {
  const section = byId('sim');
  if (!target.controllable) return;
  section.hidden = false;
  const select = /** @type {HTMLSelectElement} */ (byId('sim-scenario'));
  replace(select, ...scenarios.map((s) => h('option', { value: s.name }, s.title)));
  const status = byId('sim-status');
  const buttons = [byId('sim-reset'), byId('sim-load')];

  /** @param {() => Promise<any>} action */
  async function act(action) {
    buttons.forEach((b) => b.setAttribute('disabled', ''));
    status.textContent = 'Working…';
    try {
      const done = await action();
      status.textContent = (done.scenario === 'default' ? 'Simulator reset.' : `Loaded: ${done.title}.`) + countsText(done, target.api);
    } catch (error) {
      status.textContent = '';
      onError(error);
    } finally {
      buttons.forEach((b) => b.removeAttribute('disabled'));
    }
  }

  byId('sim-reset').addEventListener('click', () => act(() => postJson('/api/sim/reset', {})));
  byId('sim-load').addEventListener('click', () => act(() => postJson('/api/sim/seed', { scenario: select.value })));
}
