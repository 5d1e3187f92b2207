// Filling a message's `{name}` slots: one way for the UI's words and the reader's refusals alike.

/** The template with each `{name}` replaced by its parameter; unknown names stay as written. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
