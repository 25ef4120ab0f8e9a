import { describe, expect, it } from 'vitest';
import type { OutputMapping } from '../../plugin/generated/step-template.js';
import type { JsonValue } from '../../plugin/json.js';
import { mapOutputs, type Outputs } from '../../plugin/response/map.js';
import { SETTINGS, template } from './support/catalog.js';
import { recordedResponse, type Reply } from './support/fake-fetch.js';
import { readTable } from './support/tables.js';

/** A row of test/fixtures/map: output mappings (or a shipped template's), a response, the exact outputs. */
interface MapCase {
  name: string;
  template?: string;
  outputs?: Record<string, OutputMapping>;
  response: Extract<Reply, { status: number }> | null;
  inputs?: Record<string, JsonValue>;
  settings?: Record<string, JsonValue>;
  expect: Outputs;
}

describe('map outputs', () => {
  it.each(readTable<MapCase>('map'))('$file: $name', async (row) => {
    const outputs = row.template ? template(row.template).outputs : row.outputs!;
    const response = await recordedResponse(row.response);
    expect(mapOutputs(outputs, response, row.inputs ?? {}, row.settings ?? SETTINGS)).toEqual(row.expect);
  });
});
