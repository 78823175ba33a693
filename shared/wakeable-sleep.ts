// A pause that can be cut short: loops that wait between attempts (a lost link, an idle
// round) sleep with it, and "try now" or stopping wakes them at once.
export interface WakeableSleep {
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function wakeableSleep(): WakeableSleep {
  let wakeUp: () => void = () => {};
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => wakeUp(),
  };
}
