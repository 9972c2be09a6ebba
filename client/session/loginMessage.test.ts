import { describe, expect, it } from 'vitest';
import { ReplyError } from '../http/errors.js';
import { lockEnd, loginErrorText } from './loginMessage.js';

const refusal = (code: ReplyError['code'], message: string, status = 400) => new ReplyError({ code, status, message });
const noonUtc = Date.UTC(2026, 10, 21, 12, 0);

describe('loginErrorText', () => {
  it('says wrong credentials without saying which', () => {
    expect(loginErrorText(refusal('unauthenticated', 'wrong username or password', 401))).toBe('Wrong username or password.');
  });

  it('gives a locked account’s end in UTC and Juba time', () => {
    const err = refusal('rate_limited', 'too many failed attempts: this account is locked until 12:15 UTC', 429);
    expect(loginErrorText(err, noonUtc)).toBe(
      'Too many failed attempts: this account is locked until 12:15 UTC (14:15 Juba). Try again then, or ask an administrator to reset your password.',
    );
  });

  it('passes on the address-wide limit in the server’s words', () => {
    const err = refusal('rate_limited', 'too many sign-in attempts from this address; wait a minute', 429);
    expect(loginErrorText(err)).toBe('Too many sign-in attempts from this address; wait a minute.');
  });

  it('tells a lost link from a refusal', () => {
    expect(loginErrorText(refusal('network', 'the server did not answer (/api/auth/login)', 0))).toMatch(/Cannot reach the server/);
    expect(loginErrorText(new Error('boom'))).toBe('Signing in failed. Try again.');
  });
});

describe('lockEnd', () => {
  it('is today, or tomorrow when the lock runs past midnight UTC', () => {
    expect(lockEnd(12, 15, noonUtc)).toBe(Date.UTC(2026, 10, 21, 12, 15));
    expect(lockEnd(0, 5, Date.UTC(2026, 10, 21, 23, 58))).toBe(Date.UTC(2026, 10, 22, 0, 5));
  });
});
