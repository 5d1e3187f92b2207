// One editing tab per draft: Web Locks decide who holds a draft, BroadcastChannel tells the others (and stands in without Web Locks).

/** The part of `navigator.locks` we use, injectable so Node tests can pass a fake. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>
}

/** The part of BroadcastChannel we use. */
export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  close(): void
}

export type LockMessage =
  | { type: 'query'; draftId: string; from: string }
  | { type: 'held'; draftId: string; by: string }
  | { type: 'taken'; draftId: string; by: string }
  | { type: 'released'; draftId: string; by: string }

/**
 * This tab's claim on one draft. `owned` is true while this tab is the editor; a tab that
 * found the draft busy (owned false) may `steal` it, and the former editor is told through
 * `onLost` and must become read-only.
 */
export interface DraftLock {
  readonly draftId: string
  readonly owned: boolean
  /** True once another tab took the draft over from this one. */
  readonly lost: boolean
  /** Takes the draft over from whichever tab holds it. */
  steal(): Promise<void>
  /** Lets go (closing the draft or the tab); a waiting tab is told through `onReleased`. */
  release(): void
}

export interface DraftLockOptions {
  /** Called once when another tab takes this draft over. */
  onLost?: (draftId: string) => void
  /** Called on a busy result's tab when the holder releases the draft, so it may offer to edit. */
  onReleased?: (draftId: string) => void
  /** Defaults to navigator.locks; null forces the BroadcastChannel fallback. */
  locks?: LockManagerLike | null
  /** Defaults to a BroadcastChannel named `jindu-draft-locks`; null disables notifications. */
  openChannel?: (() => ChannelLike) | null
  /** Fallback only: how long to wait for a holder to answer. */
  answerMs?: number
  tabId?: string
}

const CHANNEL_NAME = 'jindu-draft-locks'

function defaultLocks(): LockManagerLike | null {
  if (typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) return null
  return navigator.locks as unknown as LockManagerLike
}

function defaultChannel(): (() => ChannelLike) | null {
  if (typeof BroadcastChannel === 'undefined') return null
  return () => new BroadcastChannel(CHANNEL_NAME) as unknown as ChannelLike
}

function isLockMessage(data: unknown, draftId: string): data is LockMessage {
  return typeof data === 'object' && data !== null && (data as { draftId?: unknown }).draftId === draftId
}

function lockName(draftId: string): string {
  return `jindu-draft:${draftId}`
}

/**
 * Tries to become the editing tab of a draft without waiting. Resolves a lock that is
 * `owned`, or not owned when another tab holds the draft (then `steal` takes it over).
 */
export async function acquireDraftLock(draftId: string, options: DraftLockOptions = {}): Promise<DraftLock> {
  const locks = options.locks === undefined ? defaultLocks() : options.locks
  const openChannel = options.openChannel === undefined ? defaultChannel() : options.openChannel
  const tabId = options.tabId ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const channel = openChannel ? openChannel() : null

  let owned = false
  let lost = false
  let closed = false
  /** Ends this tab's hold on the Web Lock (resolves the promise its callback returned). */
  let letGo: () => void = () => undefined

  const post = (message: LockMessage): void => {
    try { channel?.postMessage(message) } catch { /* a closed channel only loses a notice */ }
  }

  const markLost = (): void => {
    if (!owned || closed) return
    owned = false
    lost = true
    letGo()
    options.onLost?.(draftId)
  }

  const onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data
    if (closed || !isLockMessage(data, draftId)) return
    if (data.type === 'query' && owned) post({ type: 'held', draftId, by: tabId })
    else if (data.type === 'taken' && data.by !== tabId) markLost()
    else if (data.type === 'released' && !owned) options.onReleased?.(draftId)
  }
  channel?.addEventListener('message', onMessage)

  /** Web Locks: resolves true when this tab now holds the lock. */
  const request = (mode: { ifAvailable?: boolean; steal?: boolean }): Promise<boolean> =>
    new Promise((resolve) => {
      const held = new Promise<void>((r) => { letGo = r })
      locks!.request(lockName(draftId), mode, (lock) => {
        if (!lock) {
          resolve(false)
          return undefined
        }
        resolve(true)
        return held
      }).catch(() => {
        // The request rejects (AbortError) when another tab steals the lock.
        markLost()
      })
    })

  if (locks) {
    owned = await request({ ifAvailable: true })
  } else if (channel) {
    // Fallback: ask whether any tab holds the draft and wait briefly for an answer.
    const answered = await new Promise<boolean>((resolve) => {
      const onAnswer = (event: MessageEvent): void => {
        const data: unknown = event.data
        if (isLockMessage(data, draftId) && data.type === 'held') {
          channel.removeEventListener('message', onAnswer)
          resolve(true)
        }
      }
      channel.addEventListener('message', onAnswer)
      post({ type: 'query', draftId, from: tabId })
      setTimeout(() => {
        channel.removeEventListener('message', onAnswer)
        resolve(false)
      }, options.answerMs ?? 150)
    })
    owned = !answered
  } else {
    // Nothing to coordinate with (a very old browser): this tab is the only editor it can know of.
    owned = true
  }

  return {
    draftId,
    get owned() { return owned },
    get lost() { return lost },
    async steal() {
      if (owned || closed) return
      if (locks) await request({ steal: true })
      owned = true
      lost = false
      post({ type: 'taken', draftId, by: tabId })
    },
    release() {
      if (closed) return
      if (owned) post({ type: 'released', draftId, by: tabId })
      owned = false
      closed = true
      letGo()
      channel?.removeEventListener('message', onMessage)
      channel?.close()
    },
  }
}
