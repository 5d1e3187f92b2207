// Row order as numeric keys: an insert or move takes values between its neighbours, so it writes only the rows it moves.
//
// Why numbers and not an id array on the draft: with 100k rows an id array makes every
// insert, delete or move rewrite ~2 MB of meta. Here appends take last + 1 (integers stay
// exact up to 2^53), inserts take evenly spaced values between two neighbours, and only
// when doubles run out of room between two neighbours (≈50 inserts at one spot) the draft
// is renumbered once, O(n), which amortises to nothing.

/**
 * `count` strictly increasing numbers strictly between `lo` and `hi` (null = open end),
 * or null when there is no room left between them.
 */
export function ordersBetween(lo: number | null, hi: number | null, count: number): number[] | null {
  if (count <= 0) return []
  let values: number[]
  if (lo === null && hi === null) values = Array.from({ length: count }, (_, i) => i + 1)
  else if (hi === null) values = Array.from({ length: count }, (_, i) => Math.floor(lo!) + i + 1)
  else if (lo === null) values = Array.from({ length: count }, (_, i) => Math.ceil(hi) - count + i)
  else {
    const step = (hi - lo) / (count + 1)
    values = Array.from({ length: count }, (_, i) => lo + step * (i + 1))
  }
  let previous = lo ?? -Infinity
  for (const v of values) {
    if (!Number.isFinite(v) || !(v > previous)) return null
    previous = v
  }
  if (hi !== null && !(previous < hi)) return null
  return values
}
