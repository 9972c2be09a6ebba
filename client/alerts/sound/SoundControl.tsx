import { useMessages } from '../../i18n/messages.js';
import { alertMessages } from '../messages.js';
import { useSound } from './SoundContext.js';

/**
 * Whether this screen will sound the alarm. Until someone has clicked the page the browser
 * keeps it silent, and the chip says so; at a desk, once sound is allowed, a mute toggle.
 * On a wall display the chip stays small and out of the way, and there is no mute.
 */
export function SoundControl({ wall }: { wall: boolean }) {
  const t = useMessages(alertMessages);
  const { state, muted, setMuted, enable } = useSound();
  if (state === 'unsupported') return null;
  if (state === 'locked') {
    return (
      <button
        type="button"
        className={`sound-chip${wall ? ' sound-chip-wall' : ''}`}
        data-testid="enable-sound"
        title={t.silentUntilClicked}
        onClick={enable}
      >
        {t.enableSound}
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
      title={muted ? t.soundOffTitle : t.muteTitle}
      onClick={() => setMuted(!muted)}
    >
      {muted ? t.soundOff : t.soundOn}
    </button>
  );
}
