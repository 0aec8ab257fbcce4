import { describe, expect, it } from 'vitest';
import { workShare } from './work-share';

describe('workShare', () => {
  it('halves a chunk before anything is measured', () => {
    expect(workShare().workerKeys(5_000)).toBe(2_500);
  });

  it('gives the worker what makes both sides finish together, this thread’s other work included', () => {
    const share = workShare();
    // Both score at 10 µs a resident; this thread also spends 10 ms a chunk writing: k·0.01 = 10 + (5,000 − k)·0.01.
    share.measured({ workerResidents: 2_500, workerMs: 25, mainResidents: 2_500, mainMs: 25, otherMs: 10 });
    expect(share.workerKeys(5_000)).toBe(3_000);
    // A worker twice as slow gets less.
    const slow = workShare();
    slow.measured({ workerResidents: 1_000, workerMs: 20, mainResidents: 1_000, mainMs: 10, otherMs: 0 });
    expect(slow.workerKeys(3_000)).toBe(1_000);
  });

  it('never gives more than the chunk or less than nothing, and smooths single measurements', () => {
    const share = workShare();
    share.measured({ workerResidents: 100, workerMs: 1, mainResidents: 100, mainMs: 1, otherMs: 10_000 });
    expect(share.workerKeys(5_000)).toBe(5_000);
    share.measured({ workerResidents: 100, workerMs: 1, mainResidents: 100, mainMs: 1, otherMs: 0 });
    // other: 10,000 → 7,000 after one measurement of 0 (smoothing 0.3).
    expect(share.workerKeys(5_000)).toBe(5_000);
    expect(workShare().workerKeys(0)).toBe(0);
  });
});
