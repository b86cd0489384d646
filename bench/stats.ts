/** Percentile by nearest rank over a copy of the samples, in the samples' unit. */
export function percentile(samples: number[], p: number): number {
	if (samples.length === 0) return NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function summary(samples: number[]) {
	return { n: samples.length, p50: round1(percentile(samples, 50)), p95: round1(percentile(samples, 95)), p99: round1(percentile(samples, 99)) };
}
