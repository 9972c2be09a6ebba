import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_REPLAY_HOURS } from '../../shared/replay.js';
import { useServerNow } from '../chrome/useNow.js';
import { jubaDate, jubaHoursMinutes, jubaTime, zuluDtg } from '../format/time.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { jumpTo, leaveReplay, setPlaying, setSpeed } from './actions.js';
import { startReplayEngine } from './engine.js';
import { goToMoment } from './goTo.js';
import { hourTicks } from './ticks.js';
import { replayMessages } from './messages.js';
import { replayStatusText } from './statusText.js';
import { REPLAY_SPEEDS } from './view.js';
import './replay.css';

const MIN = 60_000;
const STEPS = [
  { ms: -15 * MIN, label: '−15 min' },
  { ms: -MIN, label: '−1 min' },
  { ms: MIN, label: '+1 min' },
  { ms: 15 * MIN, label: '+15 min' },
] as const;

/** Banner across the top of the map: nobody may take the replayed picture for the live one. */
function ReplayBanner() {
  const at = useOps((s) => s.replay?.shownAt ?? s.replay?.at ?? 0);
  const t = useMessages(replayMessages);
  return (
    <div className="replay-banner" role="status" data-testid="replay-banner">
      {t.banner(jubaHoursMinutes(at))}
    </div>
  );
}

/** The time readout: Juba time and date beside the Zulu date-time group. */
function ReplayClock({ at }: { at: number }) {
  const t = useMessages(replayMessages);
  const lang = useLang();
  return (
    <div className="replay-clock">
      <span className="replay-clock-juba" data-testid="replay-juba">
        {jubaTime(at)} <span className="replay-clock-unit">{t.juba}</span>
      </span>
      <span className="replay-clock-sub">
        <span>{jubaDate(at, lang)}</span>
        <span className="mono" data-testid="replay-zulu">
          {zuluDtg(at)}
        </span>
      </span>
    </div>
  );
}

/** "Go to" a time typed in Juba time: "14:05", or "2027-03-10 14:05". */
function GoTo({ now, earliest }: { now: number; earliest: number }) {
  const store = useOpsStore();
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState<string | null>(null);
  const t = useMessages(replayMessages);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = goToMoment(text, now);
    if (at === null) setWrong(t.goToFormat);
    else if (at < earliest || at > now) setWrong(t.goToRange(`${jubaDate(earliest)} ${jubaHoursMinutes(earliest)}`));
    else {
      setWrong(null);
      jumpTo(store, at);
    }
  };
  return (
    <form className="replay-goto" onSubmit={submit}>
      <label className="replay-goto-label" htmlFor="replay-goto-input">
        {t.goTo}
      </label>
      <input
        id="replay-goto-input"
        className="replay-goto-input mono"
        data-testid="replay-goto"
        value={text}
        placeholder="14:05"
        aria-invalid={wrong !== null}
        aria-describedby={wrong ? 'replay-goto-wrong' : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button-small" data-testid="replay-goto-submit">
        {t.go}
      </button>
      {wrong && (
        <span id="replay-goto-wrong" className="replay-goto-wrong" role="alert">
          {wrong}
        </span>
      )}
    </form>
  );
}

/**
 * Replay on a desk: the banner over the map and the bar along its foot — a slider over the
 * hours replay keeps with hour marks in Juba time, the moment shown as Juba time and Zulu DTG,
 * play and pause, speed, steps, "go to" and Back to live.
 */
export function ReplayMode() {
  const store = useOpsStore();
  const session = useSession();
  const replay = useOps((s) => s.replay);
  const serverNow = useServerNow(1_000);
  const lang = useLang();
  const t = useMessages(replayMessages);

  useEffect(() => startReplayEngine(store, session), [store, session]);

  const hours = replay?.hours ?? DEFAULT_REPLAY_HOURS;
  // Whole minutes, so the slider's one-minute steps land on them.
  const to = Math.floor(serverNow / MIN) * MIN;
  const from = to - hours * 3600_000;
  // Worked out again once a minute, as the slider's ends move on.
  // (and when the language changes: midnight is marked with the date in words)
  const ticks = useMemo(() => hourTicks(from, to, lang), [from, to, lang]);

  if (!replay) return null;
  const at = Math.min(Math.max(replay.at, from), serverNow);
  const status = replayStatusText(replay, lang);

  return (
    <>
      <div className="replay-frame" aria-hidden="true" />
      <ReplayBanner />
      <section className="replay-bar" data-testid="replay-bar" data-loading={replay.loading ? 'yes' : 'no'} data-playing={replay.playing ? 'yes' : 'no'} aria-label={t.controls}>
        <div className="replay-row">
          <button
            type="button"
            className="button button-primary replay-play"
            data-testid="replay-play"
            aria-pressed={replay.playing}
            onClick={() => setPlaying(store, !replay.playing)}
          >
            {replay.playing ? t.pause : t.play}
          </button>
          <div className="replay-speeds" role="group" aria-label={t.speed}>
            {REPLAY_SPEEDS.map((speed) => (
              <button
                key={speed}
                type="button"
                className="button button-small replay-speed"
                data-testid={`replay-speed-${speed}`}
                aria-pressed={replay.speed === speed}
                title={t.speedTitle(speed)}
                onClick={() => setSpeed(store, speed)}
              >
                {speed}×
              </button>
            ))}
          </div>
          <div className="replay-steps" role="group" aria-label={t.step}>
            {STEPS.slice(0, 2).map((step) => (
              <button key={step.ms} type="button" className="button button-small" data-testid={`replay-step${step.ms}`} onClick={() => jumpTo(store, Math.max(from, at + step.ms))}>
                {step.label}
              </button>
            ))}
          </div>
          <ReplayClock at={at} />
          <div className="replay-steps" role="group" aria-label={t.stepForward}>
            {STEPS.slice(2).map((step) => (
              <button key={step.ms} type="button" className="button button-small" data-testid={`replay-step+${step.ms}`} onClick={() => jumpTo(store, Math.min(serverNow, at + step.ms))}>
                {step.label}
              </button>
            ))}
          </div>
          <GoTo now={serverNow} earliest={from} />
          <span className={`replay-status${replay.problem ? ' replay-status-problem' : ''}`} data-testid="replay-status" role="status">
            {status}
          </span>
          <button type="button" className="button replay-live" data-testid="replay-live" title={t.backTitle} onClick={() => leaveReplay(store)}>
            {t.backToLive}
          </button>
        </div>
        <div className="replay-track">
          <input
            type="range"
            className="replay-slider"
            data-testid="replay-slider"
            aria-label={t.slider(hours)}
            aria-valuetext={t.sliderValue(jubaHoursMinutes(at), jubaDate(at, lang))}
            min={from}
            max={to}
            step={MIN}
            value={Math.min(Math.round((at - from) / MIN) * MIN + from, to)}
            onChange={(e) => jumpTo(store, Number(e.target.value))}
          />
          <div className="replay-ticks" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.at} className={`replay-tick${t.day ? ' replay-tick-day' : ''}${t.label ? ' replay-tick-labelled' : ''}`} style={{ left: `${t.position * 100}%` }}>
                {t.label && <span className="replay-tick-label">{t.label}</span>}
              </span>
            ))}
          </div>
        </div>
      </section>
    </>
  );
}
