// Reads which list sizes and how many runs the bench covers, from the environment.

export const ALL_SIZES = [
  { label: '1k', rows: 1_000, runs: 5 },
  { label: '10k', rows: 10_000, runs: 5 },
  { label: '100k', rows: 100_000, runs: 3 },
]

/** BENCH_SIZES=1k,10k limits the sizes; BENCH_RUNS=n overrides the run count of each. */
export function selectSizes(env = process.env) {
  const wanted = (env.BENCH_SIZES ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)
  const runs = Number.parseInt(env.BENCH_RUNS ?? '', 10)
  const unknown = wanted.filter((w) => !ALL_SIZES.some((s) => s.label === w))
  if (unknown.length) throw new Error(`BENCH_SIZES: unknown size(s) ${unknown.join(', ')}; use ${ALL_SIZES.map((s) => s.label).join(', ')}`)
  return ALL_SIZES
    .filter((s) => wanted.length === 0 || wanted.includes(s.label))
    .map((s) => ({ ...s, runs: Number.isFinite(runs) && runs > 0 ? runs : s.runs }))
}
