/** How much a smoothed rate moves toward each new measurement. */
const SMOOTHING = 0.3;

/**
 * Splits each chunk of a population recompute between the scoring worker and the platform's thread so that both
 * finish together: the worker reads and scores the first `k` of the chunk's `n` residents, this thread the rest
 * and then everything else a chunk costs it (writes, audit entry, commit, the next keys). With rates `w` and `m`
 * (milliseconds per resident, measured as the run goes) and `other` milliseconds: k·w = other + (n − k)·m.
 * @example const share = workShare(); const k = share.workerKeys(5_000); … share.measured({ … });
 */
export function workShare() {
  let worker = Number.NaN;
  let main = Number.NaN;
  let other = Number.NaN;
  const smooth = (old: number, value: number) =>
    Number.isNaN(old) ? value : old + SMOOTHING * (value - old);
  return {
    /** How many of the next chunk's `n` residents the worker takes. */
    workerKeys(n: number): number {
      const m = Number.isNaN(main) ? (Number.isNaN(worker) ? 1 : worker) : main;
      const w = Number.isNaN(worker) ? m : worker;
      if (!(m + w > 0)) return Math.floor(n / 2);
      const rest = Number.isNaN(other) ? 0 : other;
      return Math.min(n, Math.max(0, Math.round((rest + n * m) / (m + w))));
    },
    /** What a chunk cost: residents and milliseconds each side scored, and this thread's other milliseconds. */
    measured(chunk: {
      workerResidents: number;
      workerMs: number;
      mainResidents: number;
      mainMs: number;
      otherMs: number;
    }) {
      if (chunk.workerResidents > 0) worker = smooth(worker, chunk.workerMs / chunk.workerResidents);
      if (chunk.mainResidents > 0) main = smooth(main, chunk.mainMs / chunk.mainResidents);
      other = smooth(other, Math.max(0, chunk.otherMs));
    },
  };
}
