/** One note of the alarm: when it starts (s after now), its pitch (Hz) and length (s). */
export interface Note {
  at: number;
  hz: number;
  length: number;
}

/**
 * The alarm as notes, generated, never downloaded: critical is a fast two-tone siren that is
 * hard to ignore; high is three short beeps.
 */
export function alarmNotes(severity: number): Note[] {
  if (severity >= 4) {
    return Array.from({ length: 6 }, (_, i) => ({ at: i * 0.22, hz: i % 2 === 0 ? 988 : 740, length: 0.2 }));
  }
  return Array.from({ length: 3 }, (_, i) => ({ at: i * 0.3, hz: 880, length: 0.14 }));
}

const LOUDNESS = 0.18;
const EDGE_S = 0.01;

/** Plays the alarm on an audio context that is running; each note ramps in and out so it does not click. */
export function playAlarm(context: AudioContext, severity: number): void {
  const start = context.currentTime + 0.02;
  for (const note of alarmNotes(severity)) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = note.hz;
    const t0 = start + note.at;
    const t1 = t0 + note.length;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(LOUDNESS, t0 + EDGE_S);
    gain.gain.setValueAtTime(LOUDNESS, t1 - EDGE_S);
    gain.gain.linearRampToValueAtTime(0, t1);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(t0);
    oscillator.stop(t1 + 0.01);
    oscillator.onended = () => gain.disconnect();
  }
}
