// One shape for every measurement's result, so a failing step is reported and the run goes on.

/** Thrown by a step when the app does not offer what it measures yet (no marks, no button). */
export class NotAvailable extends Error {}

export const ok = (data) => ({ status: 'ok', ...data })
export const unavailable = (reason) => ({ status: 'unavailable', reason })
export const failed = (error) => ({ status: 'error', error })
export const skipped = (reason) => ({ status: 'skipped', reason })

/** First lines of an error, without Playwright's long call logs. */
export const describeError = (err) => String(err?.message ?? err).split('\n').slice(0, 6).join(' ').slice(0, 600)

/** Runs one step: its value on success, `unavailable` for NotAvailable, `failed` for anything else. */
export async function attempt(label, step) {
  try {
    return await step()
  } catch (err) {
    if (err instanceof NotAvailable) {
      console.log(`  ${label}: not available yet (${err.message})`)
      return unavailable(err.message)
    }
    console.log(`  ${label}: error: ${describeError(err)}`)
    return failed(describeError(err))
  }
}
