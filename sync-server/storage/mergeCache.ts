// Bounded LRU of merged document states, so feeds and /yjs step 1 skip re-merging unchanged logs.
export interface CachedState {
  state: Uint8Array
  /** Last log seq folded into `state`. */
  seq: number
}

export class MergeCache {
  private readonly map = new Map<string, CachedState>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(name: string): CachedState | undefined {
    const hit = this.map.get(name)
    if (hit) {
      this.map.delete(name)
      this.map.set(name, hit)
    }
    return hit
  }

  set(name: string, entry: CachedState): void {
    this.delete(name)
    if (entry.state.byteLength > this.maxBytes / 4) return
    this.map.set(name, entry)
    this.bytes += entry.state.byteLength
    for (const [key, old] of this.map) {
      if (this.bytes <= this.maxBytes) break
      this.map.delete(key)
      this.bytes -= old.state.byteLength
    }
  }

  delete(name: string): void {
    const old = this.map.get(name)
    if (!old) return
    this.map.delete(name)
    this.bytes -= old.state.byteLength
  }
}
