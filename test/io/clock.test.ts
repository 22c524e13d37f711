import { describe, expect, it } from 'vitest';
import { BadClock, localDay, now } from '../../src/io/clock.js';

describe('the one clock', () => {
  it('without GRAD_TUTOR_NOW (or with it empty) is the real time', () => {
    for (const env of [{}, { GRAD_TUTOR_NOW: '' }]) {
      const before = Date.now();
      const when = now(env).getTime();
      expect(when).toBeGreaterThanOrEqual(before);
      expect(when).toBeLessThanOrEqual(Date.now());
    }
  });

  it('a date alone is the start of that day on the local clock, so it names the same day in any time zone', () => {
    const when = now({ GRAD_TUTOR_NOW: '2026-12-24' });
    expect([when.getFullYear(), when.getMonth() + 1, when.getDate(), when.getHours(), when.getMinutes()]).toEqual([2026, 12, 24, 0, 0]);
    expect(localDay(when)).toBe('2026-12-24');
  });

  it('a date-time is local unless it carries an offset', () => {
    const local = now({ GRAD_TUTOR_NOW: '2026-12-24T09:30' });
    expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual([24, 9, 30]);
    expect(now({ GRAD_TUTOR_NOW: '2026-12-24T09:30:15Z' }).getTime()).toBe(Date.UTC(2026, 11, 24, 9, 30, 15));
    expect(now({ GRAD_TUTOR_NOW: '2026-12-24T09:30+02:00' }).getTime()).toBe(Date.UTC(2026, 11, 24, 7, 30));
    expect(now({ GRAD_TUTOR_NOW: '2026-02-28T23:59:59.5Z' }).getTime()).toBe(Date.UTC(2026, 1, 28, 23, 59, 59, 500));
  });

  it.each(['tomorrow', '2026-02-30', '2026-13-01', '2026-12-24T24:00', '2026-12-24 09:30', '24/12/2026', '2026-12-24T09:61', '\u001b[2J'])(
    '%j is refused with one sentence that says how to set it',
    (given) => {
      expect(() => now({ GRAD_TUTOR_NOW: given })).toThrow(BadClock);
      try {
        now({ GRAD_TUTOR_NOW: given });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toMatch(/^GRAD_TUTOR_NOW is ".*", which is not a date — set it to an ISO date such as 2026-12-24 /);
        expect(message).not.toContain('\n');
        expect(message).not.toContain('\u001b');
      }
    },
  );

  it('a leap day exists in a leap year only', () => {
    expect(localDay(now({ GRAD_TUTOR_NOW: '2028-02-29' }))).toBe('2028-02-29');
    expect(() => now({ GRAD_TUTOR_NOW: '2027-02-29' })).toThrow(BadClock);
  });

  it('the local day of a moment: late evening and just after midnight are two days', () => {
    expect(localDay(new Date(2026, 11, 24, 23, 30))).toBe('2026-12-24');
    expect(localDay(new Date(2026, 11, 25, 0, 30))).toBe('2026-12-25');
    expect(localDay(new Date(987, 0, 5))).toBe('0987-01-05');
  });
});
