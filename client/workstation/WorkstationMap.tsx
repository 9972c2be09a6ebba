import { CursorReadout } from './CursorReadout.js';
import { GoToMarkLayer, MapFlights, MeasureLayer } from './MapTools.js';
import './workstation.css';

/**
 * The commander's tools on the map itself (a desk, never the wall): the measured path, the
 * "Go to" mark, flights the app asks for, and the position under the pointer.
 */
export function WorkstationMap() {
  return (
    <>
      <MeasureLayer />
      <GoToMarkLayer />
      <MapFlights />
      <CursorReadout />
    </>
  );
}
