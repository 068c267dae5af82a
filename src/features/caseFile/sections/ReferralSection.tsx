// 의뢰·공유 between teams (issue 9; seed 003: 초기상담 at the 동 주민센터, 접수 at the 희망복지지원단). The
// owning team refers the case to another team with a note, or shares it read-only, on a consent that
// covers that team or on 사회보장급여법 제15조; the receiving team accepts a referral (then owns the case);
// a share or a referral not yet accepted can be ended, which removes the case from that team's devices.
// Every action needs the relay: offline, the buttons are off and say so.
import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { REFERRAL_BASES, checkProvision, formatDateTime, isActiveShare, isPendingReferral, ownerTeamOf, teamAccessIn, todayInSeoul } from '../../../domain'
import type { CaseFile, Referral, ReferralBasis, ReferralKind } from '../../../domain'
import { useEnumLabel, useT } from '../../../i18n'
import { useOnline } from '../../../platform/online'
import { useSession } from '../../../security/session'
import type { Session } from '../../../security/session'
import { acceptReferral, endShare, listTeams, referCase, shareReadOnly } from '../../../store'
import type { Actor, TeamInfo } from '../../../store'
import { Badge, Button, ChoiceGroup, ConfirmButton, EmptyState, Field, FormError, ImeTextArea, Section, formText, readAtSubmit } from '../../common'
import { useCommand } from '../useCommand'

const actorOf = (session: Session, teams: readonly TeamInfo[] = []): Actor => ({
  token: session.token,
  username: session.user.username,
  team: session.user.team,
  ...(teams.find((t) => t.id === session.user.team) ? { teamName: teams.find((t) => t.id === session.user.team)!.name } : {}),
})

/** Above the tabs: a referral waiting at this team (with 수락), or a read-only share; nothing otherwise. */
export function ReceivedReferralNotice({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const session = useSession()
  const online = useOnline()
  const cmd = useCommand()
  if (!session) return null
  const access = teamAccessIn(caseFile, session.user.team)
  if (access === 'full') return null
  const waiting = caseFile.referrals.find((r) => r.toTeam === session.user.team && isPendingReferral(r))
  return (
    <div className="cf-card" role="status" data-testid="referral-notice">
      {waiting ? (
        <>
          <p>
            <Badge tone="info">{t('cases.referredIn')}</Badge>{' '}
            {t('caseFile.referral.received', { from: waiting.fromTeamName ?? waiting.fromTeam ?? '', date: formatDateTime(waiting.at) })}
          </p>
          {waiting.note ? <p className="cf-meta">{waiting.note}</p> : null}
          <div className="ui-row">
            <Button variant="primary" disabled={!online || cmd.busy} onClick={() => void cmd.run(() => acceptReferral(caseFile.meta.id, waiting.id, actorOf(session)))}>
              {t('caseFile.referral.accept')}
            </Button>
          </div>
          {online ? null : <p className="cf-meta">{t('caseFile.referral.offline')}</p>}
          <FormError message={cmd.formError} />
        </>
      ) : (
        <p>{t('caseFile.referral.readOnly')}</p>
      )}
    </div>
  )
}

export function ReferralSection({ caseFile }: { caseFile: CaseFile }) {
  const t = useT()
  const session = useSession()
  const online = useOnline()
  const [open, setOpen] = useState<ReferralKind | undefined>(undefined)
  const cmd = useCommand()
  const records = [...caseFile.referrals].sort((a, b) => b.at.localeCompare(a.at))
  // Only the owning team refers or shares: after a referral it made was accepted, the 동 team keeps the case
  // to read and write but no longer gives it on (the relay would refuse).
  const mayProvide = session !== null && teamAccessIn(caseFile, session.user.team) === 'full' && (ownerTeamOf(caseFile) ?? session.user.team) === session.user.team
  const actions =
    open || !mayProvide ? null : (
      <>
        <Button onClick={() => setOpen('referral')} disabled={!online}>
          {t('caseFile.referral.refer')}
        </Button>
        <Button onClick={() => setOpen('share')} disabled={!online}>
          {t('caseFile.referral.share')}
        </Button>
      </>
    )
  return (
    <Section title={t('caseFile.referral.title')} actions={actions}>
      {!session ? <p className="cf-meta">{t('caseFile.referral.noSession')}</p> : online ? null : <p className="cf-meta">{t('caseFile.referral.offline')}</p>}
      {open && session ? <ProvisionForm caseFile={caseFile} kind={open} session={session} onDone={() => setOpen(undefined)} /> : null}
      {records.length === 0 ? (
        open ? null : <EmptyState>{t('caseFile.referral.empty')}</EmptyState>
      ) : (
        <ul className="ui-list">
          {records.map((r) => (
            <li key={r.id}>
              <ReferralLine
                record={r}
                onEnd={
                  mayProvide && r.toTeam !== session.user.team && (isPendingReferral(r) || isActiveShare(r))
                    ? () => void cmd.run(() => endShare(caseFile.meta.id, r.id, actorOf(session)))
                    : undefined
                }
                busy={cmd.busy || !online}
              />
            </li>
          ))}
        </ul>
      )}
      <FormError message={cmd.formError} />
    </Section>
  )
}

function ReferralLine({ record: r, onEnd, busy }: { record: Referral; onEnd?: () => void; busy: boolean }) {
  const t = useT()
  const label = useEnumLabel()
  const status = r.endedAt
    ? <Badge>{t('caseFile.referral.ended', { date: formatDateTime(r.endedAt) })}</Badge>
    : r.acceptedAt
      ? <Badge tone="ok">{t('caseFile.referral.acceptedBy', { date: formatDateTime(r.acceptedAt), by: r.acceptedBy ?? '' })}</Badge>
      : r.kind === 'referral'
        ? <Badge tone="warn">{t('caseFile.referral.waiting')}</Badge>
        : <Badge tone="info">{t('caseFile.referral.active')}</Badge>
  return (
    <div className="ui-record" data-testid="referral">
      <div className="ui-record__body">
        <strong>{t(`caseFile.referral.kind.${r.kind}`)}</strong> {t('caseFile.referral.line', { to: r.toTeamName ?? r.toTeam, date: formatDateTime(r.at), by: r.by ?? '' })}{' '}
        {status}
        <div className="cf-meta">{label('referralBasis', r.basis)}</div>
        {r.note ? <div>{r.note}</div> : null}
      </div>
      {onEnd ? (
        <ConfirmButton onConfirm={onEnd} disabled={busy} confirmLabel={t('caseFile.referral.confirmEnd')}>
          {r.kind === 'referral' ? t('caseFile.referral.withdraw') : t('caseFile.referral.unshare')}
        </ConfirmButton>
      ) : null}
    </div>
  )
}

/** The other teams, from the relay (GET /api/teams); undefined while loading. */
function useTeams(session: Session): { teams: TeamInfo[] | undefined; error: string | undefined } {
  const [state, setState] = useState<{ teams: TeamInfo[] | undefined; error: string | undefined }>({ teams: undefined, error: undefined })
  useEffect(() => {
    let live = true
    listTeams(session.token).then(
      (teams) => live && setState({ teams, error: undefined }),
      (err: Error) => live && setState({ teams: [], error: err.message }),
    )
    return () => {
      live = false
    }
  }, [session.token])
  return state
}

function ProvisionForm({ caseFile, kind, session, onDone }: { caseFile: CaseFile; kind: ReferralKind; session: Session; onDone: () => void }) {
  const t = useT()
  const label = useEnumLabel()
  const online = useOnline()
  const cmd = useCommand(['team', 'note', 'basis'])
  const { teams, error } = useTeams(session)
  const [teamId, setTeamId] = useState('')
  const [basis, setBasis] = useState<ReferralBasis>('consent')
  const others = (teams ?? []).filter((tm) => tm.id !== session.user.team)
  const team = others.find((tm) => tm.id === teamId)
  // Consent gating: with "동의" as the basis, the team must be named by a consent in effect.
  const gate = team ? checkProvision(caseFile, [team.id, team.name], basis, todayInSeoul()) : undefined
  const blocked = gate !== undefined && !gate.ok
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (!team || blocked) return
    const note = formText(e.currentTarget, 'note')
    const actor = actorOf(session, teams)
    const send = kind === 'referral' ? referCase : shareReadOnly
    if (await cmd.run(() => send(caseFile.meta.id, { team, basis, note }, actor))) onDone()
  }
  return (
    <form className="cf-card" onSubmit={(e) => void save(e)} aria-label={kind === 'referral' ? t('caseFile.referral.refer') : t('caseFile.referral.share')}>
      <Field label={t('caseFile.referral.team')} error={error ?? cmd.errorFor('team')} required>
        {(c) => (
          <select className="ui-input" {...c} value={teamId} disabled={teams === undefined} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">{teams === undefined ? t('caseFile.referral.teamsLoading') : t('caseFile.referral.pickTeam')}</option>
            {others.map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={kind === 'referral' ? t('caseFile.referral.note') : t('caseFile.referral.shareNote')} error={cmd.errorFor('note')} required={kind === 'referral'}>
        {(c) => <ImeTextArea {...c} rows={3} name="note" value="" onCommit={readAtSubmit} />}
      </Field>
      <ChoiceGroup
        legend={t('caseFile.referral.basis')}
        choices={REFERRAL_BASES.map((b) => ({ value: b, label: label('referralBasis', b) }))}
        value={basis}
        onChange={setBasis}
        error={cmd.errorFor('basis')}
      />
      {blocked ? (
        <p className="ui-field__error" role="alert" data-testid="consent-gate">
          {gate.reason}
        </p>
      ) : null}
      <FormError message={cmd.formError} />
      <div className="ui-row">
        <Button type="submit" variant="primary" disabled={cmd.busy || !online || !team || blocked}>
          {kind === 'referral' ? t('caseFile.referral.send') : t('caseFile.referral.sendShare')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  )
}
