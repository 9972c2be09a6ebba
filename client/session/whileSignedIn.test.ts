import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/auth.js';
import { createOpsStore } from '../state/store.js';
import { whileSignedIn } from './whileSignedIn.js';

const me: Me = { kind: 'user', name: 'Amina', role: 'operator', permissions: ['map:read'], csrfToken: 't1' };

describe('whileSignedIn', () => {
  it('starts on sign-in, stops and clears the picture on sign-out, starts again on the next sign-in', () => {
    const store = createOpsStore();
    const events: string[] = [];
    const unwatch = whileSignedIn(store, () => {
      events.push('start');
      return () => events.push('stop');
    });
    expect(events).toEqual([]);

    store.setState({ session: { status: 'signed-in', me } });
    store.setState({ seq: 7, selection: { kind: 'unit', id: 'a' }, layers: { ...store.getState().layers, units: false } });
    // A renewed identity is not a new sign-in.
    store.setState({ session: { status: 'signed-in', me: { ...me, csrfToken: 't2' } } });
    expect(events).toEqual(['start']);

    store.setState({ session: { status: 'signed-out', reason: null } });
    expect(events).toEqual(['start', 'stop']);
    expect(store.getState().seq).toBeNull();
    expect(store.getState().selection).toBeNull();
    expect(store.getState().layers.units).toBe(false);
    expect(store.getState().session.status).toBe('signed-out');

    store.setState({ session: { status: 'signed-in', me } });
    expect(events).toEqual(['start', 'stop', 'start']);
    unwatch();
    expect(events).toEqual(['start', 'stop', 'start', 'stop']);
  });

  it('starts at once when the store is already signed in', () => {
    const store = createOpsStore({ session: { status: 'signed-in', me } });
    let started = 0;
    whileSignedIn(store, () => {
      started += 1;
      return () => undefined;
    })();
    expect(started).toBe(1);
  });
});
