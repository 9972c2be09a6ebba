import { useSound } from './SoundContext.js';

/**
 * Whether this screen will sound the alarm. Until someone has clicked the page the browser
 * keeps it silent, and the chip says so; at a desk, once sound is allowed, a mute toggle.
 * On a wall display the chip stays small and out of the way, and there is no mute.
 */
export function SoundControl({ wall }: { wall: boolean }) {
  const { state, muted, setMuted, enable } = useSound();
  if (state === 'unsupported') return null;
  if (state === 'locked') {
    return (
      <button
        type="button"
        className={`sound-chip${wall ? ' sound-chip-wall' : ''}`}
        data-testid="enable-sound"
        title="The browser keeps this page silent until it is clicked once"
        onClick={enable}
      >
        Enable sound
      </button>
    );
  }
  if (wall) return null;
  return (
    <button
      type="button"
      className={`button button-small sound-toggle${muted ? ' sound-toggle-muted' : ''}`}
      data-testid="mute-sound"
      aria-pressed={muted}
      title={muted ? 'Alarm sound is off on this screen: click to turn it on' : 'Mute the alarm sound on this screen'}
      onClick={() => setMuted(!muted)}
    >
      {muted ? 'Sound off' : 'Sound on'}
    </button>
  );
}
