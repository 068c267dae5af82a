// A value loaded asynchronously and reloaded when its triggers fire, shaped for useSyncExternalStore.

type Trigger = (reload: () => void) => () => void

export class AsyncSource<T> {
  private value: T
  private listeners = new Set<() => void>()
  private stops: (() => void)[] = []
  private seq = 0

  constructor(
    private readonly loader: () => Promise<T>,
    initial: T,
    private readonly triggers: Trigger[],
  ) {
    this.value = initial
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) {
      this.stops = this.triggers.map((t) => t(() => this.reload()))
      this.reload()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        for (const s of this.stops) s()
        this.stops = []
        this.seq++ // a load still running is for nobody now
      }
    }
  }

  getSnapshot = (): T => this.value

  reload(): void {
    const mine = ++this.seq
    this.loader().then(
      (v) => {
        if (mine !== this.seq) return
        this.value = v
        for (const l of [...this.listeners]) l()
      },
      (err: unknown) => {
        if (mine === this.seq) console.error('store query failed', (err as Error).name)
      },
    )
  }
}
