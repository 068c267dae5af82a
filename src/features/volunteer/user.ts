// Who is using the volunteer app: the relay session's user, else the unlocked device account.
import { useAccess } from '../../security/access'
import { useSession } from '../../security/session'

export interface VolunteerUser {
  id: string
  username: string
  team: string
}

export function useVolunteerUser(): VolunteerUser | null {
  const session = useSession()
  const access = useAccess()
  if (session) return { id: session.user.id, username: session.user.username, team: session.user.team }
  if (access.status === 'unlocked') return { id: access.account.userId, username: access.account.username, team: access.account.team }
  return null
}
