import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { playAlarm } from './tone.js';

/** 'locked' until the browser lets this page make sound (a click or key press on it). */
export type SoundState = 'locked' | 'ready' | 'unsupported';

export interface Sound {
  state: SoundState;
  muted: boolean;
  setMuted: (muted: boolean) => void;
  /** Asks the browser to allow sound; call it from a click. */
  enable: () => void;
  /** Sounds the alarm for that severity, unless muted or not allowed yet. */
  play: (severity: number) => void;
}

const SoundReactContext = createContext<Sound | null>(null);

const stateOf = (context: AudioContext | null): SoundState =>
  context === null ? 'unsupported' : context.state === 'running' ? 'ready' : 'locked';

/**
 * The page's one audio context. Browsers keep it suspended until someone clicks or types on
 * the page; the first such gesture anywhere resumes it.
 */
export function SoundProvider({ children }: { children: ReactNode }) {
  const contextRef = useRef<AudioContext | null>(null);
  const mutedRef = useRef(false);
  const [state, setState] = useState<SoundState>('locked');
  const [muted, setMutedState] = useState(false);

  useEffect(() => {
    if (typeof AudioContext === 'undefined') {
      setState('unsupported');
      return;
    }
    const context = new AudioContext();
    contextRef.current = context;
    const update = () => setState(stateOf(context));
    context.addEventListener('statechange', update);
    update();
    const resume = () => {
      if (context.state === 'suspended') context.resume().catch(() => undefined);
    };
    const gestures = ['pointerdown', 'keydown'] as const;
    for (const g of gestures) window.addEventListener(g, resume, { capture: true });
    return () => {
      for (const g of gestures) window.removeEventListener(g, resume, { capture: true });
      context.removeEventListener('statechange', update);
      contextRef.current = null;
      void context.close().catch(() => undefined);
    };
  }, []);

  const setMuted = useCallback((next: boolean) => {
    mutedRef.current = next;
    setMutedState(next);
  }, []);
  const enable = useCallback(() => {
    contextRef.current?.resume().catch(() => undefined);
  }, []);
  const play = useCallback((severity: number) => {
    const context = contextRef.current;
    if (!context || context.state !== 'running' || mutedRef.current) return;
    playAlarm(context, severity);
  }, []);

  const value = useMemo(() => ({ state, muted, setMuted, enable, play }), [state, muted, setMuted, enable, play]);
  return <SoundReactContext.Provider value={value}>{children}</SoundReactContext.Provider>;
}

export function useSound(): Sound {
  const sound = useContext(SoundReactContext);
  if (!sound) throw new Error('useSound must be used inside <SoundProvider>');
  return sound;
}
