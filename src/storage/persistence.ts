// Asking the browser to keep our data (persistent storage) and reporting how much room is left.

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage
}

/**
 * Asks for persistent storage so the browser does not evict drafts under storage pressure.
 * Resolves true when granted (or already granted), false when refused or unsupported.
 */
export async function requestPersistence(manager: StorageManagerLike | undefined = defaultManager()): Promise<boolean> {
  try {
    if (manager?.persisted && (await manager.persisted())) return true
    return manager?.persist ? await manager.persist() : false
  } catch {
    return false
  }
}

/** Bytes used and available to this origin, or null where the browser does not say. */
export async function estimateStorage(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<{ usage: number; quota: number } | null> {
  try {
    if (!manager?.estimate) return null
    const { usage, quota } = await manager.estimate()
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null
  } catch {
    return null
  }
}
