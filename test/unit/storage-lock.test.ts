// Two tabs, one draft: Web Locks (faked, as Node has none) decide the editor; BroadcastChannel tells the others.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { acquireDraftLock, estimateStorage, requestPersistence, type ChannelLike, type DraftLock, type LockManagerLike } from '../../src/storage'

/** The Web Locks semantics we rely on: ifAvailable gives null when held; steal rejects the holder's request with AbortError. */
class FakeLocks implements LockManagerLike {
  private readonly held = new Map<string, { reject: (error: unknown) => void }>()
  isHeld(name: string): boolean { return this.held.has(name) }
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, callback: (lock: unknown) => unknown): Promise<unknown> {
    if (options.steal) {
      const holder = this.held.get(name)
      this.held.delete(name)
      holder?.reject(new DOMException('The lock was stolen.', 'AbortError'))
    } else if (this.held.has(name)) {
      if (options.ifAvailable) return Promise.resolve(callback(null))
      return Promise.reject(new Error('waiting is not modelled'))
    }
    return new Promise((resolve, reject) => {
      const entry = { reject }
      this.held.set(name, entry)
      Promise.resolve(callback({ name })).then((value) => {
        if (this.held.get(name) === entry) this.held.delete(name)
        resolve(value)
      }, reject)
    })
  }
}

const channels: ChannelLike[] = []
function channelFactory(name: string): () => ChannelLike {
  return () => {
    const channel = new BroadcastChannel(name) as unknown as ChannelLike
    channels.push(channel)
    return channel
  }
}

const locksToRelease: DraftLock[] = []
afterEach(() => {
  while (locksToRelease.length) locksToRelease.pop()!.release()
  for (const c of channels.splice(0)) c.close()
})

async function acquire(draftId: string, options: Parameters<typeof acquireDraftLock>[1]): Promise<DraftLock> {
  const lock = await acquireDraftLock(draftId, options)
  locksToRelease.push(lock)
  return lock
}

describe('acquireDraftLock with Web Locks', () => {
  it('lets one tab edit; the second sees the draft busy, can take over, and the first is told', async () => {
    const locks = new FakeLocks()
    const openChannel = channelFactory('locks-a')
    const lostA = vi.fn()
    const tabA = await acquire('d1', { locks, openChannel, onLost: lostA, tabId: 'A' })
    expect(tabA.owned).toBe(true)
    expect(locks.isHeld('jindu-draft:d1')).toBe(true)

    const tabB = await acquire('d1', { locks, openChannel, tabId: 'B' })
    expect(tabB.owned).toBe(false)
    // Another draft is independent.
    expect((await acquire('d2', { locks, openChannel, tabId: 'B' })).owned).toBe(true)

    await tabB.steal()
    expect(tabB.owned).toBe(true)
    await vi.waitFor(() => expect(lostA).toHaveBeenCalledWith('d1'))
    expect(lostA).toHaveBeenCalledTimes(1)
    expect(tabA.owned).toBe(false)
    expect(tabA.lost).toBe(true)
    expect(locks.isHeld('jindu-draft:d1')).toBe(true)
  })

  it('frees the lock on release and tells a waiting tab', async () => {
    const locks = new FakeLocks()
    const openChannel = channelFactory('locks-b')
    const tabA = await acquire('d3', { locks, openChannel, tabId: 'A' })
    const released = vi.fn()
    const tabB = await acquire('d3', { locks, openChannel, tabId: 'B', onReleased: released })
    expect(tabB.owned).toBe(false)
    tabA.release()
    await vi.waitFor(() => expect(released).toHaveBeenCalledWith('d3'))
    await vi.waitFor(() => expect(locks.isHeld('jindu-draft:d3')).toBe(false))
    expect((await acquire('d3', { locks, openChannel, tabId: 'C' })).owned).toBe(true)
  })
})

describe('acquireDraftLock without Web Locks (BroadcastChannel only)', () => {
  it('finds the draft held by another tab and takes it over', async () => {
    const openChannel = channelFactory('locks-c')
    const lostA = vi.fn()
    const tabA = await acquire('d4', { locks: null, openChannel, onLost: lostA, tabId: 'A', answerMs: 50 })
    expect(tabA.owned).toBe(true)
    const tabB = await acquire('d4', { locks: null, openChannel, tabId: 'B', answerMs: 50 })
    expect(tabB.owned).toBe(false)
    await tabB.steal()
    expect(tabB.owned).toBe(true)
    await vi.waitFor(() => expect(lostA).toHaveBeenCalledWith('d4'))
    expect(tabA.lost).toBe(true)
  })

  it('acquires at once when nothing can coordinate', async () => {
    const lock = await acquire('d5', { locks: null, openChannel: null })
    expect(lock.owned).toBe(true)
  })
})

describe('persistence', () => {
  it('asks for persistent storage once and reports the estimate', async () => {
    const persist = vi.fn(async () => true)
    expect(await requestPersistence({ persisted: async () => false, persist })).toBe(true)
    expect(await requestPersistence({ persisted: async () => true, persist })).toBe(true)
    expect(persist).toHaveBeenCalledTimes(1)
    expect(await requestPersistence(undefined)).toBe(false)
    expect(await requestPersistence({ persist: async () => { throw new Error('denied') } })).toBe(false)
    expect(await estimateStorage({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({ usage: 10, quota: 100 })
    expect(await estimateStorage({})).toBeNull()
  })
})
