import { WallFocus } from './WallFocus.js';
import { WallLabels } from './WallLabels.js';

/** What the wall adds to the map itself: labels for five metres, and the turn of hot spots. */
export function WallMap() {
  return (
    <>
      <WallLabels />
      <WallFocus />
    </>
  );
}
