/** How long after the first uncredited acceptance the worker credits: the bound on how late a balance is. */
export const CREDIT_DELAY_MS = 1_000;

export interface CreditWorkerOptions {
  delayMs?: number;
  /** Where a failed run is reported; the worker tries again after the next delay. */
  onError?: (error: unknown) => void;
}

/**
 * The background crediting worker: `poke()` after an acceptance with points schedules one run `delayMs` later
 * (acceptances within that window share it, so a burst of batches becomes one ledger posting). Off until
 * `start()`; `stop()` cancels the timer, waits for a running run and credits what is left.
 */
export function createCreditWorker(run: () => Promise<unknown>) {
  let enabled = false;
  let delayMs = CREDIT_DELAY_MS;
  let onError: (error: unknown) => void = () => {};
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const fire = () => {
    timer = null;
    running = run()
      .then(() => undefined)
      .catch((error: unknown) => {
        onError(error);
        poke();
      })
      .finally(() => {
        running = null;
      });
  };

  function poke() {
    if (!enabled || timer) return;
    timer = setTimeout(fire, delayMs);
    // A pending credit must not keep a process alive; stop() credits it on the way out.
    timer.unref();
  }

  return {
    poke,
    start(options: CreditWorkerOptions = {}) {
      enabled = true;
      delayMs = options.delayMs ?? CREDIT_DELAY_MS;
      onError = options.onError ?? (() => {});
      // Batches accepted while no worker ran (a crash, an import) are credited on start.
      poke();
    },
    async stop() {
      enabled = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
      await run();
    },
  };
}
