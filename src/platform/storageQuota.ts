// Persistent storage and quota: ask the browser once to keep our data, and warn before space runs out.

export const LOW_FREE_BYTES = 50 * 1024 * 1024
export const HIGH_USAGE_RATIO = 0.8

export interface StorageEstimateInfo {
  usage: number
  quota: number
}

/** Low when more than 80% of the quota is used or less than 50 MB is left. */
export function isStorageLow({ usage, quota }: StorageEstimateInfo): boolean {
  if (quota <= 0) return false
  return usage > quota * HIGH_USAGE_RATIO || quota - usage < LOW_FREE_BYTES
}

let persistRequest: Promise<boolean | null> | undefined

/** Asks for persistent storage at most once per page; null when the browser has no such API. */
export function requestPersistentStorage(): Promise<boolean | null> {
  persistRequest ??= (async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
    if (!storage?.persist) return null
    try {
      if (storage.persisted && (await storage.persisted())) return true
      return await storage.persist()
    } catch {
      return null
    }
  })()
  return persistRequest
}

export async function estimateStorage(): Promise<StorageEstimateInfo | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.estimate) return null
  try {
    const { usage = 0, quota = 0 } = await storage.estimate()
    return { usage, quota }
  } catch {
    return null
  }
}

/** 1.2 GB / 830 MB / 12 KB, for the warning banner. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 10 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}
