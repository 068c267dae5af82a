// The team's shared document (`team/<uuid>`): one per team, e.g. the resource directory every worker of
// the team edits. Its name is derived from the team id, so two devices that create it offline create the
// same document and Yjs merges them; the relay lets only that team create it (sync-server/access.ts).
import { digest } from 'lib0/hash/sha256'

export const TEAM_DOC_PREFIX = 'team/'

/** `team/` + a UUID-shaped hash of the team id (version nibble 8: a name-based, non-random id). */
export function teamDocName(teamId: string): string {
  const h = digest(new TextEncoder().encode(`doum-team/${teamId}`)).slice(0, 16)
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const hex = [...h].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${TEAM_DOC_PREFIX}${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
