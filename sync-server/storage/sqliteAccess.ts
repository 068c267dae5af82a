// Referral (의뢰), read-only share (열람 공유), unshare and acceptance on SQLite (sync-server/referral.ts):
// each one transaction with its access_changes row and, when a team loses the document, a revocation row
// so its devices that are offline now drop it at their next sync.
import type Database from 'better-sqlite3'
import type { AccessChange, AccessChangeKind } from './types'

export class SqliteAccess {
  private readonly s
  private readonly grantTx
  private readonly unshareTx
  private readonly acceptTx

  constructor(db: Database.Database) {
    const p = (sql: string) => db.prepare(sql)
    this.s = {
      head: p(`SELECT v FROM meta WHERE k = 'seq'`).pluck(),
      setHead: p(`UPDATE meta SET v = ? WHERE k = 'seq'`),
      doc: p(`SELECT owner_team AS ownerTeam, kind FROM docs WHERE name = ?`),
      kindOf: p(`SELECT kind FROM doc_access WHERE doc = ? AND team = ?`).pluck(),
      insertAccess: p(`INSERT INTO doc_access (doc, team, kind, doc_kind, granted_seq, feed_seq) VALUES (?, ?, ?, ?, ?, ?)`),
      setKind: p(`UPDATE doc_access SET kind = ? WHERE doc = ? AND team = ?`),
      deleteAccess: p(`DELETE FROM doc_access WHERE doc = ? AND team = ?`),
      setOwner: p(`UPDATE docs SET owner_team = ? WHERE name = ?`),
      insertChange: p(`INSERT INTO access_changes (doc, kind, from_team, to_team, by_user, at, seq, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertRevocation: p(`INSERT INTO revocations (seq, doc, team, at) VALUES (?, ?, ?, ?)`),
    }
    const begin = (name: string): { ownerTeam: string; kind: string; seq: number } => {
      const doc = this.s.doc.get(name) as { ownerTeam: string; kind: string } | undefined
      if (!doc) throw new Error('unknown document')
      const seq = (this.s.head.get() as number) + 1
      this.s.setHead.run(seq)
      return { ...doc, seq }
    }
    const change = (name: string, kind: AccessChangeKind, fromTeam: string, toTeam: string, byUser: string, at: number, seq: number, basis: string): AccessChange => {
      this.s.insertChange.run(name, kind, fromTeam, toTeam, byUser, at, seq, basis)
      return { name, kind, fromTeam, toTeam, byUser, at, seq, basis }
    }
    this.grantTx = db.transaction((name: string, toTeam: string, kind: 'referral' | 'read', byUser: string, at: number, basis: string) => {
      const doc = begin(name)
      if (this.s.kindOf.get(name, toTeam) === undefined) this.s.insertAccess.run(name, toTeam, kind, doc.kind, doc.seq, doc.seq)
      return change(name, kind === 'referral' ? 'refer' : 'share-read', doc.ownerTeam, toTeam, byUser, at, doc.seq, basis)
    })
    this.unshareTx = db.transaction((name: string, team: string, byUser: string, at: number) => {
      const doc = begin(name)
      if (team !== doc.ownerTeam && this.s.deleteAccess.run(name, team).changes > 0) this.s.insertRevocation.run(doc.seq, name, team, at)
      return change(name, 'unshare', doc.ownerTeam, team, byUser, at, doc.seq, '')
    })
    this.acceptTx = db.transaction((name: string, team: string, byUser: string, at: number) => {
      const doc = begin(name)
      this.s.setKind.run('owner', name, team)
      if (doc.ownerTeam !== team) this.s.setKind.run('share', name, doc.ownerTeam)
      this.s.setOwner.run(team, name)
      return change(name, 'accept', doc.ownerTeam, team, byUser, at, doc.seq, '')
    })
  }

  grant(name: string, toTeam: string, kind: 'referral' | 'read', byUser: string, at: number, basis: string): AccessChange {
    return this.grantTx(name, toTeam, kind, byUser, at, basis)
  }

  unshare(name: string, team: string, byUser: string, at: number): AccessChange {
    return this.unshareTx(name, team, byUser, at)
  }

  accept(name: string, team: string, byUser: string, at: number): AccessChange {
    return this.acceptTx(name, team, byUser, at)
  }
}
