// Spikes: a topic in a municipality with many more appeals this week than its own recent baseline.
//
// Method. For each topic × municipality, c is the count of the latest 7 days and λ the mean weekly count
// of the 8 weeks before them. Under «nothing changed» c follows Poisson(λ). A spike is a count with
// P(X ≥ c | λ) < SPIKE_P_VALUE and c ≥ SPIKE_MIN_COUNT. λ is at least SPIKE_EMPTY_BASELINE (half an
// appeal a week), so a new or rare topic needs four appeals in a week to stand out.
// Each spike is listed with c, λ, the ratio c / λ, the z-score (c − λ) / √λ and the tail probability.

export const SPIKE_WEEKS = 8;
export const SPIKE_P_VALUE = 0.01;
export const SPIKE_MIN_COUNT = 3;
export const SPIKE_EMPTY_BASELINE = 0.5;

/** P(X ≥ k) for X ~ Poisson(λ), summed stably in log space. */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  // P(X ≥ k) = 1 − Σ_{i<k} e^{−λ} λ^i / i!; for large k sum the upper terms directly instead.
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  const tail = 1 - below;
  if (tail > 1e-6) return Math.max(0, tail);
  // Upper sum: terms from k while they matter.
  let logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 1000; i++) {
    const t = Math.exp(logTerm);
    sum += t;
    if (t < sum * 1e-12) break;
    logTerm += Math.log(lambda) - Math.log(i + 1);
  }
  return sum;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

export interface SpikeJudgement {
  count: number;
  baseline: number;
  ratio: number;
  zScore: number;
  pValue: number;
  spike: boolean;
}

/** Judges a week's count against the weekly counts of the 8 weeks before it (their total). */
export function judgeSpike(count: number, baselineTotal: number, weeks = SPIKE_WEEKS): SpikeJudgement {
  const mean = baselineTotal / weeks;
  const lambda = Math.max(mean, SPIKE_EMPTY_BASELINE);
  const pValue = poissonTail(count, lambda);
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    count,
    baseline: round(mean, 2),
    ratio: round(count / lambda, 1),
    zScore: round((count - lambda) / Math.sqrt(lambda), 1),
    pValue: pValue < 1e-6 ? Number(pValue.toExponential(2)) : round(pValue, 6),
    spike: count >= SPIKE_MIN_COUNT && pValue < SPIKE_P_VALUE,
  };
}
