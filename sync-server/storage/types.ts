// The narrow storage interface the relay core codes against; sqlite.ts and memory.ts implement it.
// Synchronous on purpose: better-sqlite3 commits before returning, which is what lets us ack safely.
import type { DocKind, WireUser } from '../../src/sync/protocol'
import type { ChainRow } from '../auditChain'

export type Role = WireUser['role']
/** The `ip` of audit entries written by the admin CLI on the server itself. */
export const ADMIN_ORIGIN = 'cli'
export const ROLES: readonly Role[] = ['worker', 'supervisor', 'volunteer', 'admin']

export interface TeamRecord {
  id: string
  name: string
}

export interface UserRecord {
  id: string
  username: string
  role: Role
  team: string
  passwordHash: string
  failedLogins: number
  /** Epoch ms until which logins are refused; 0 when not locked. */
  lockedUntil: number
  createdAt: number
  /** Set by the admin CLI (a password someone else chose): its tokens only allow POST /api/password. */
  mustChangePassword: boolean
  /** `disable-user`: logins are refused and its tokens are ended. */
  disabled: boolean
}

/** A new account; the admin CLI sets `mustChangePassword`, the demo seed does not. */
export type NewUser = Omit<UserRecord, 'failedLogins' | 'lockedUntil' | 'mustChangePassword' | 'disabled'> & {
  mustChangePassword?: boolean
}

export interface NewUpdate {
  name: string
  update: Uint8Array
  userId: string
  deviceId: string
  /** Team that owns the document if this update creates it. */
  ownerTeam: string
  /** Also given `share` access when this update creates the document: a volunteer's own report (`vol:<id>`). */
  creatorAudience?: string
  /** The document's list summary after this update (src/domain/relaySummary.ts); absent clears the stored one. */
  summary?: string | null
}

/**
 * How a team holds a document: `owner`; `share` (reads and writes, POST /api/share and the referring team
 * after an accepted referral); `read` (열람 공유: reads only); `referral` (의뢰 받음: reads until it accepts).
 */
export type AccessKind = 'owner' | 'share' | 'read' | 'referral'

/** Which teams may see a document, and since which feed sequence number. */
export interface DocAccess {
  name: string
  ownerTeam: string
  /** team id → seq at which that team gained access (ownership or share). */
  teams: Map<string, number>
  /** team id → how it holds the document; a team missing here holds it as `share` (hand-built test values). */
  kinds?: Map<string, AccessKind>
}

export interface FeedEntry {
  name: string
  /** The feed position of this document for the asking team: max(last update seq, access grant seq). */
  feedSeq: number
  grantedSeq: number
  /** Updates at or below this seq were pruned from the log (only the snapshot holds them). */
  prunedSeq: number
  /** Lowest log seq of this document above the asked cursor; 0 when none. */
  firstSeqAfter: number
}

/** share / transfer (POST /api/share, /api/transfer); refer, share-read, unshare, accept (referral.ts). */
export type AccessChangeKind = 'share' | 'transfer' | 'refer' | 'share-read' | 'unshare' | 'accept'

export interface AccessChange {
  name: string
  kind: AccessChangeKind
  fromTeam: string
  toTeam: string
  byUser: string
  at: number
  seq: number
  /** What allowed a provision to another team: `consent:<id>`, `ssa-15` (사회보장급여법 제15조), or '' (not a case file, or no provision). */
  basis: string
}

export interface AuditRecord {
  userId: string
  at: number
  ip: string
  /** Document name, or '' for account actions. */
  doc: string
  action: string
  /** Admin actions: who ran them and on what (ids only, never personal data); '' otherwise. */
  detail?: string
  /** The device id the session named (Hello or login), 'yjs' for /yjs, '' when none. */
  deviceId?: string
}

/** A stored access record with its place in the hash chain (auditChain.ts). */
export interface AuditRow extends Required<AuditRecord> {
  id: number
  prevHash: string
  hash: string
}

/** Filters of `npm run admin -- audit`; times are epoch ms, `to` exclusive. */
export interface AuditQuery {
  userId?: string
  doc?: string
  from?: number
  to?: number
}

/** One account or permission change (개인정보의 안전성 확보조치 기준 제5조: kept 3 years). */
export interface AdminChange {
  /** Who made it: `cli:<server account>`. */
  by: string
  /** e.g. add-user, set-password, set-role, set-team, disable-user, delete-user, unlock, revoke-device. */
  action: string
  /** The account (user id) or object changed. */
  target: string
  /** Ids and values only (a role, a team id), never a password or personal data. */
  detail?: string
}

export interface AdminLogRow extends Required<AdminChange> {
  id: number
  at: number
  prevHash: string
  hash: string
}

export interface TokenRecord {
  userId: string
  expiresAt: number
  /** The device the token was issued to at login; '' when the login named none. */
  deviceId: string
  /** Set when an admin revoked it (the device is told to wipe); null otherwise. */
  revokedAt: number | null
  /** Last use (login, API call, sync batch), to the resolution of `touchToken`: the idle expiry reads it. */
  lastUsedAt: number
}

export interface DeviceRecord {
  deviceId: string
  firstSeen: number
  lastSeen: number
  revokedAt: number | null
  /** When the relay last told this device to wipe the user's data; null if never. */
  wipeSentAt: number | null
}

/** A case file destroyed by `purge-closed`, and the teams whose devices must drop it. */
export interface PurgedDoc {
  name: string
  seq: number
  teams: string[]
}

export interface RelayStorage {
  /** Appends all items in one transaction and returns their seqs, in order; throws (storing nothing) on failure. */
  appendUpdates(items: NewUpdate[], at: number): number[]
  /** Random id of this database's history; a new one after a restore from backup (see restoreGuard.ts). */
  epoch(): number
  /** Gives the database a new epoch so every device re-checks its documents against it; returns it. */
  rotateEpoch(): number
  headSeq(): number
  docAccess(name: string): DocAccess | null
  /** Documents of the given kinds visible to `team` whose feed position is in (after, upTo]. */
  feedEntries(team: string, kinds: DocKind[], after: number, upTo: number): FeedEntry[]
  /** Documents `team` lost access to at a seq in (after, upTo] and has not regained. */
  revokedSince(team: string, after: number, upTo: number): string[]
  /** Log entries of one document with seq > after, oldest first. */
  updatesSince(name: string, after: number): Uint8Array[]
  /** Snapshot plus the log after it, merged with Y.mergeUpdates; null for an unknown document. */
  mergedState(name: string): Uint8Array | null
  /** mergedState with the list summary stored for exactly that state (null when none), read together. */
  feedState(name: string): { state: Uint8Array | null; summary: string | null }
  shareDoc(name: string, toTeam: string, byUser: string, at: number, basis?: string): AccessChange
  transferDoc(name: string, toTeam: string, byUser: string, at: number, basis?: string): AccessChange
  /** 의뢰 (`referral`) or 열람 공유 (`read`): the team gains read access, unless it already has some. */
  grantDoc(name: string, toTeam: string, kind: 'referral' | 'read', byUser: string, at: number, basis: string): AccessChange
  /** 공유 해제: a team that is not the owner loses access; its devices are told to remove the document. */
  unshareDoc(name: string, team: string, byUser: string, at: number): AccessChange
  /** A referral accepted: `team` becomes the owner, the previous owner keeps a `share` (reads and writes). */
  acceptReferral(name: string, team: string, byUser: string, at: number): AccessChange
  accessHistory(name: string): AccessChange[]

  ensureTeam(team: TeamRecord): void
  listTeams(): TeamRecord[]
  createUser(user: NewUser): void
  userByName(username: string): UserRecord | null
  userById(id: string): UserRecord | null
  listUsers(): UserRecord[]
  /** Also clears the failure count; `mustChange` undefined leaves that flag as it is. */
  setPasswordHash(userId: string, hash: string, mustChange?: boolean): void
  setLoginFailures(userId: string, failedLogins: number, lockedUntil: number): void
  /**
   * One failed login, counted atomically in storage (parallel attempts cannot overwrite each other):
   * a lock that has run out starts a new count; reaching `maxFailures` locks until now + lockMs.
   */
  recordLoginFailure(userId: string, now: number, maxFailures: number, lockMs: number): { failedLogins: number; lockedUntil: number }
  /** A right password: clears the count unless a parallel attempt locked the account meanwhile (then false). */
  loginSucceeded(userId: string, now: number): boolean
  updateUser(userId: string, patch: { role?: Role; team?: string; disabled?: boolean }): void
  /** Removes the account row (its tokens should be revoked first so its devices wipe); false if unknown. */
  deleteUser(userId: string): boolean
  /** Records a token's use when the stored time is older than `resolutionMs` (so most batches write nothing). */
  touchToken(tokenHash: string, at: number, resolutionMs: number): void
  /** Logout: forgets one token (the device keeps its data); false when unknown. */
  deleteToken(tokenHash: string): boolean
  /** Password change by the user: ends every other session of theirs; returns how many. */
  revokeOtherTokens(userId: string, keepHash: string): number
  insertToken(tokenHash: string, userId: string, expiresAt: number, deviceId?: string): void
  tokenUser(tokenHash: string, now: number): string | null
  /** Removes every token of a user (password change: sessions end, devices keep their data); returns how many. */
  revokeTokens(userId: string): number
  countUsers(): number

  /** A token's row, expired or revoked ones included (kept until `purgeTokens`); null when unknown. */
  tokenRecord(tokenHash: string): TokenRecord | null
  /**
   * Admin revocation (lost device): marks the user's tokens revoked, all of them or those of one device,
   * and remembers that device as revoked. Their devices are told to wipe. Returns how many live tokens it ended.
   */
  revokeAccess(userId: string, deviceId: string | null, by: string, at: number): number
  deviceRevoked(userId: string, deviceId: string): boolean
  /** Records devices seen (login or Hello); one transaction for the batch. */
  touchDevices(seen: { userId: string; deviceId: string; at: number }[]): void
  markWipeSent(userId: string, deviceId: string, at: number): void
  listDevices(userId: string): DeviceRecord[]
  /** Deletes token rows that expired before `expiredBefore`; returns how many. */
  purgeTokens(expiredBefore: number): number
  /** Grows with every revocation, password change and purge; a running relay polls it. */
  accessRevision(): number

  /** Names of every stored document of one kind. */
  docNames(kind: DocKind): string[]
  /** Last log seq of a document; null when unknown. */
  docLastSeq(name: string): number | null
  /**
   * Destroys documents in one transaction (log, snapshot, access) unless they changed since `lastSeq`;
   * the teams that held them are told to remove them at their next sync. Returns the names destroyed.
   */
  purgeDocs(docs: { name: string; lastSeq: number }[], by: string, at: number): string[]
  isPurged(name: string): boolean
  /** Documents purged at a seq above `after`, oldest first. */
  purgedSince(after: number): PurgedDoc[]
  /** Drops cached merged states (after another process purged those documents). */
  evictCached(names: string[]): void

  appendAudit(records: AuditRecord[]): void
  auditFor(doc: string): AuditRecord[]
  /** Access records matching every given filter, oldest first. */
  queryAudit(q: AuditQuery): AuditRow[]
  /** Appends to the admin log (kept 3 years, hash-chained like the audit table). */
  appendAdminLog(change: AdminChange, at: number): void
  adminLog(from: number, to: number): AdminLogRow[]
  /** Rows of the audit table or the admin log with id > afterId, oldest first, for `audit verify`. */
  chainRows(table: 'audit' | 'admin_log', afterId: number, limit: number): ChainRow[]

  /** Merges the log of up to `maxDocs` documents past `threshold` entries into snapshot rows; returns how many. */
  compact(threshold: number, maxDocs: number): number
  /** Deletes log entries older than `before` that a snapshot already covers. */
  prune(before: number): number
  close(): void
}
