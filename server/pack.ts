import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { MissionPack, PackLayerName } from '../shared/sites.js';
import { buildBasemap } from '../geo/basemap.js';
import { PACK_FILES, PACK_LAYER_NAMES, parsePack } from '../geo/pack.js';

export const PACK_DIR = resolve(import.meta.dirname, '..', 'geo', 'pack');

/** Reads and validates the mission pack; a broken file stops the server with the file and field named. */
export async function loadMissionPack(dir: string = PACK_DIR): Promise<MissionPack> {
  const raw = {} as Record<PackLayerName, unknown>;
  for (const layer of PACK_LAYER_NAMES) {
    const file = join(dir, PACK_FILES[layer]);
    const bytes = await readFile(file);
    // Read as UTF-8 without complaint, bad bytes would become U+FFFD in names and sources.
    if (!isUtf8(bytes)) throw new Error(`${file} is not valid UTF-8: save it as UTF-8 from the GIS tool`);
    const text = bytes.toString('utf8');
    try {
      raw[layer] = JSON.parse(text);
    } catch (err) {
      throw new Error(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return parsePack(raw);
}

/** The offline base map for the region, from Natural Earth via world-atlas, encoded once. */
export async function loadBasemapJson(): Promise<string> {
  const require = createRequire(import.meta.url);
  const topologyPath = require.resolve('world-atlas/countries-50m.json');
  const topology: unknown = JSON.parse(await readFile(topologyPath, 'utf8'));
  return JSON.stringify(buildBasemap(topology));
}
