// Live fan-out: every open /sync session and /yjs connection, indexed by audience (a team, or one volunteer:
// access.ts audienceOf) and by document.
import { audienceOf, canRead } from './access'
import type { Principal } from './access'
import type { DocAccess } from './storage/types'

export interface Subscriber {
  user: Principal
  /** Set for a /yjs connection, which only follows one document. */
  doc?: string
  sendUpdate(name: string, update: Uint8Array, seq: number): void
  /** Access to these documents was withdrawn from the subscriber's team. */
  revoke(names: string[]): void
}

export class Hub {
  private readonly byTeam = new Map<string, Set<Subscriber>>()
  private readonly byDoc = new Map<string, Set<Subscriber>>()

  add(sub: Subscriber): void {
    const index = sub.doc === undefined ? this.byTeam : this.byDoc
    const key = sub.doc ?? audienceOf(sub.user)
    let set = index.get(key)
    if (!set) index.set(key, (set = new Set()))
    set.add(sub)
  }

  remove(sub: Subscriber): void {
    const index = sub.doc === undefined ? this.byTeam : this.byDoc
    const key = sub.doc ?? audienceOf(sub.user)
    const set = index.get(key)
    if (!set) return
    set.delete(sub)
    if (set.size === 0) index.delete(key)
  }

  /** Sends a stored update to everyone allowed to see it, except the connection it came from. */
  fanOut(name: string, update: Uint8Array, seq: number, access: DocAccess, except: Subscriber | null): void {
    for (const team of access.teams.keys()) {
      for (const sub of this.byTeam.get(team) ?? []) {
        if (sub !== except && canRead(sub.user, name, access)) sub.sendUpdate(name, update, seq)
      }
    }
    for (const sub of this.byDoc.get(name) ?? []) {
      if (sub !== except && canRead(sub.user, name, access)) sub.sendUpdate(name, update, seq)
    }
  }

  /** A team just gained access: give its open sessions the whole document now. */
  grantTeam(name: string, team: string, state: Uint8Array, seq: number, access: DocAccess): void {
    for (const sub of this.byTeam.get(team) ?? []) if (canRead(sub.user, name, access)) sub.sendUpdate(name, state, seq)
  }

  revokeTeam(name: string, team: string): void {
    for (const sub of this.byTeam.get(team) ?? []) sub.revoke([name])
    for (const sub of [...(this.byDoc.get(name) ?? [])]) if (audienceOf(sub.user) === team) sub.revoke([name])
  }

  get size(): number {
    let n = 0
    for (const set of this.byTeam.values()) n += set.size
    for (const set of this.byDoc.values()) n += set.size
    return n
  }
}
