import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './sync-status';

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
