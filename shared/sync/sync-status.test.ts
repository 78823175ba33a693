import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft, retryDelayMs } from './sync-status';

describe('retry delay', () => {
  it('doubles per attempt between half and all of its base', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1_000);
    expect(retryDelayMs(3, () => 0)).toBe(4_000);
    expect(retryDelayMs(3, () => 1)).toBe(8_000);
  });
  it('never exceeds 30 seconds, however many attempts', () => {
    for (const attempt of [5, 10, 50, 1_000]) expect(retryDelayMs(attempt, () => 1)).toBe(30_000);
  });
});

describe('estimate of the seconds left', () => {
  it('has none before there is a pace or a total', () => {
    expect(estimateSecondsLeft(0, 100, 1_000)).toBeNull();
    expect(estimateSecondsLeft(10, null, 1_000)).toBeNull();
    expect(estimateSecondsLeft(10, 100, 0)).toBeNull();
  });
  it('goes by the pace so far', () => {
    expect(estimateSecondsLeft(1_000, 10_000, 2_000)).toBe(18);
    expect(estimateSecondsLeft(5_000, 10_000, 10_000)).toBe(10);
  });
  it('is zero when done, also when the server had more than it said', () => {
    expect(estimateSecondsLeft(100, 100, 5_000)).toBe(0);
    expect(estimateSecondsLeft(120, 100, 5_000)).toBe(0);
  });
});
