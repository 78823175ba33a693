/** Runs `task` `runs` times after `warmup` runs; returns the durations in milliseconds. */
export async function measure(task: () => Promise<unknown> | unknown, runs = 30, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    durations.push(performance.now() - start);
  }
  return durations;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function printTable(rows: { name: string; durations: number[] }[], baselineName: string): void {
  const baseline = rows.find((row) => row.name === baselineName);
  const baselineMedian = baseline ? percentile(baseline.durations, 50) : NaN;
  console.log('| measure | p50 ms | p95 ms | ratio to baseline (p50) |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) {
    const p50 = percentile(row.durations, 50);
    console.log(`| ${row.name} | ${p50.toFixed(2)} | ${percentile(row.durations, 95).toFixed(2)} | ${(p50 / baselineMedian).toFixed(2)} |`);
  }
}
