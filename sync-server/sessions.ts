// Every open /sync and /yjs socket with the token it was opened with, so a revocation (possibly written
// by the admin CLI in another process) or an expiry ends it; accessWatch.ts decides when to look.
export type SessionEnd = 'wipe' | 'unauthorized'

export interface OpenSession {
  tokenHash: string
  /** Device id from Hello; '' for /yjs, which names no device. */
  deviceId: string
  expiresAt: number
  /** Moved forward by each batch the session sends; past it, the session ends as idle (TOKEN_IDLE_SECONDS). */
  idleUntil?: number
  /** Tells the peer why (Wipe or an unauthorized error) and closes the socket. */
  end(reason: SessionEnd): void
}

export class Sessions {
  private readonly open = new Set<OpenSession>()

  /** Registers a session; the returned function unregisters it (call it when the socket closes). */
  add(session: OpenSession): () => void {
    this.open.add(session)
    return () => {
      this.open.delete(session)
    }
  }

  /** Ends every session `judge` no longer accepts; returns how many. */
  recheck(judge: (s: OpenSession) => SessionEnd | null): number {
    let n = 0
    for (const s of [...this.open]) {
      const verdict = judge(s)
      if (!verdict) continue
      this.open.delete(s)
      s.end(verdict)
      n++
    }
    return n
  }

  /** Ends sessions whose token has expired or that sat idle: they would be refused at their next batch anyway. */
  expire(now: number): number {
    return this.recheck((s) => (s.expiresAt <= now || (s.idleUntil !== undefined && s.idleUntil <= now) ? 'unauthorized' : null))
  }

  get size(): number {
    return this.open.size
  }
}
