import { createHash } from 'node:crypto';
import type { Head } from './nodes.js';

/**
 * Node ids and places on one tab. Ids are derived from the flow, the flow node and the
 * part, so the same declarations always export the same flows.json.
 *
 * @example
 * const board = new Board('new', 'whatsapp.join');
 * board.head('lookup', 'request', 'GET subscriber') // { id: '3f2a…', z: board.tab, name: 'GET subscriber', x, y }
 */
export class Board {
  readonly tab: string;
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly api: string,
    private readonly flow: string,
  ) {
    this.tab = this.id('', 'tab');
  }

  /** The id of a part of a flow node (`''` for the flow's own parts). */
  id(node: string, part: string): string {
    return createHash('sha256').update(`mailerlite-steps\0${this.api}\0${this.flow}\0${node}\0${part}`).digest('hex').slice(0, 16);
  }

  /** A node's id, tab, name and place: one row per flow node, its parts left to right (`lane` 1 just below). */
  head(node: string, part: string, name: string, column: number, lane = 0): Head {
    let row = this.rows.get(node);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(node, row);
    }
    return { id: this.id(node, part), z: this.tab, name, x: 140 + column * 200, y: 60 + row * 80 + lane * 40 };
  }
}
