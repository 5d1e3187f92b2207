// Writing one table plan as CSV: UTF-8 with BOM (so Excel on Chinese Windows reads it), CRLF, RFC 4180 quoting.
import { csvField } from './cellText'
import type { TablePlan } from './tablePlan'

const BOM = '\uFEFF'

/**
 * Title, preamble, header, body in order; every record has as many fields as the table
 * has columns (RFC 4180), so a merged title or section row is its text then empty fields.
 * Merges themselves cannot be kept in CSV.
 */
export function planToCsv(plan: TablePlan): string {
  const lines = plan.rows.map((row) => row.cells.map(csvField).join(','))
  return BOM + lines.join('\r\n') + '\r\n'
}

export function writeCsv(plan: TablePlan): Uint8Array {
  return new TextEncoder().encode(planToCsv(plan))
}
