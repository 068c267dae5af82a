// 받은 보고 (issue 10): the volunteers' 안부확인 and 발굴 보고, open urgent ones first (inboxOrder), live.
// Each shows who sent it, when, what was seen, the 14-day contact due of a discovery and how it was handled;
// the worker 확인s it, turns a discovery into a new case (접수로 전환) or links a check-in to its case.
import { useEffect, useState } from 'react'
import { TARGET_TYPES, discoveryDue, formatDate, formatDateTime, isDiscoveryOverdue, isUrgent, reportStatus, todayInSeoul } from '../../domain'
import type { Brief, CheckIn, Discovery, InboxItem, TargetType } from '../../domain'
import { registerMessages, useEnumLabel, useT } from '../../i18n'
import { messages } from '../../i18n/messages/inbox'
import { useSession } from '../../security/session'
import type { Session } from '../../security/session'
import {
  acknowledgeReport, cachedTeamVolunteers, intakeFromDiscovery, linkCheckIn, listBriefs, loadTeamVolunteers, onVolunteerDocsChange,
} from '../../store'
import { Badge, Button, ChoiceGroup, EmptyState, FormError } from '../common'
import { useCommand } from '../caseFile/useCommand'
import { hrefOf, navigate } from '../shell/router'
import { useInboxItems } from './useInbox'
import './inbox.css'

registerMessages(messages)

/** Volunteer usernames by id: the kept list at once, then the relay's when online. */
function useVolunteerNames(token: string | null): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    let live = true
    const keep = (list: { id: string; username: string }[]) => live && setNames(new Map(list.map((v) => [v.id, v.username])))
    void cachedTeamVolunteers().then((c) => keep(c.volunteers), () => undefined)
    if (token) void loadTeamVolunteers(token).then((v) => keep(v.volunteers), () => undefined)
    return () => {
      live = false
    }
  }, [token])
  return names
}

/** The briefs on this device by id (a check-in names its brief; the brief gives the household and case). */
function useBriefs(): ReadonlyMap<string, Brief> {
  const [briefs, setBriefs] = useState<ReadonlyMap<string, Brief>>(new Map())
  useEffect(() => {
    let live = true
    const load = () => void listBriefs().then((list) => live && setBriefs(new Map(list.map((e) => [e.brief.id, e.brief]))), () => undefined)
    load()
    const off = onVolunteerDocsChange(load)
    return () => {
      live = false
      off()
    }
  }, [])
  return briefs
}

export function InboxScreen() {
  const t = useT()
  const session = useSession()
  const items = useInboxItems()
  const names = useVolunteerNames(session?.token ?? null)
  const briefs = useBriefs()
  return (
    <div className="screen inbox">
      <h1 className="screen__title">{t('inbox.title')}</h1>
      <p className="inbox-meta">{t('inbox.intro')}</p>
      {items === undefined ? (
        <p role="status">{t('inbox.loading')}</p>
      ) : items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <ul className="ui-list" aria-label={t('inbox.title')}>
          {items.map((item) => (
            <li key={item.name}>
              <InboxCard item={item} session={session} volunteerName={names.get(item.report.by)} briefs={briefs} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

interface CardProps {
  item: InboxItem
  session: Session | null
  volunteerName: string | undefined
  briefs: ReadonlyMap<string, Brief>
}

function InboxCard({ item, session, volunteerName, briefs }: CardProps) {
  const t = useT()
  const label = useEnumLabel()
  const { report, handling } = item
  const urgent = isUrgent(report)
  const status = reportStatus(handling)
  const heading = t(report.kind === 'checkin' ? 'inbox.kind.checkin' : 'inbox.kind.discovery')
  const who = (by: string) => (by === session?.user.id ? t('inbox.me') : t('inbox.otherWorker'))
  const handledCase = handling.intake?.caseId ?? handling.linked?.caseId
  return (
    <article className={urgent && status === 'sent' ? 'inbox-item inbox-item--urgent' : 'inbox-item'} aria-label={heading} data-testid="inbox-item">
      <div className="inbox-item__head">
        <h2>{heading}</h2>
        {urgent ? <Badge tone="danger">{t('inbox.urgent')}</Badge> : null}
        <Badge tone={status === 'sent' ? 'warn' : status === 'acknowledged' ? 'info' : 'ok'}>{t(`inbox.state.${status}`)}</Badge>
      </div>
      <p className="inbox-meta">
        {t('inbox.from', { who: volunteerName ?? t('inbox.unknownVolunteer'), kind: label('volunteerKind', report.byKind) })} · {formatDate(report.date)} ·{' '}
        {t('inbox.number', { id: report.id.slice(0, 8) })}
      </p>
      {report.kind === 'checkin' ? <CheckInBody report={report} brief={briefs.get(report.briefId)} /> : <DiscoveryBody report={report} />}
      {report.signs.length > 0 ? (
        <div className="ui-row" aria-label={t('inbox.signs')}>
          {report.signs.map((s) => (
            <Badge key={s} tone={s === 'suicideRisk' || s === 'utilityCutoff' ? 'danger' : 'warn'}>
              {label('crisisSign', s)}
            </Badge>
          ))}
        </div>
      ) : null}
      {report.note ? <p>{t('inbox.note', { note: report.note })}</p> : null}
      {handling.ack ? <p className="inbox-meta">{t('inbox.ackBy', { who: who(handling.ack.by), at: formatDateTime(handling.ack.at) })}</p> : null}
      {handling.intake ? <p className="inbox-meta">{t('inbox.intakeBy', { who: who(handling.intake.by), at: formatDateTime(handling.intake.at) })}</p> : null}
      {handling.linked ? <p className="inbox-meta">{t('inbox.linkedBy', { who: who(handling.linked.by), at: formatDateTime(handling.linked.at) })}</p> : null}
      {handledCase ? (
        <div className="ui-row">
          <a className="ui-button" href={hrefOf({ name: 'caseFile', caseId: handledCase })}>
            {t('inbox.openCase')}
          </a>
        </div>
      ) : session ? (
        <Actions item={item} session={session} briefs={briefs} />
      ) : null}
    </article>
  )
}

function CheckInBody({ report, brief }: { report: CheckIn; brief: Brief | undefined }) {
  const t = useT()
  const label = useEnumLabel()
  return (
    <>
      {brief ? <p>{t('inbox.household', { name: brief.headName })}</p> : null}
      <p>
        <strong>{label('checkInOutcome', report.outcome)}</strong>
        {report.contactRequested ? (
          <>
            {' '}
            <Badge tone="danger">{t('inbox.contactRequested')}</Badge>
          </>
        ) : null}
      </p>
    </>
  )
}

function DiscoveryBody({ report }: { report: Discovery }) {
  const t = useT()
  const label = useEnumLabel()
  return (
    <>
      <p>{t('inbox.place', { place: report.place })}</p>
      <p>{t('inbox.who', { who: report.who })}</p>
      {report.name ? <p>{t('inbox.name', { name: report.name })}</p> : null}
      <p>
        {t('inbox.urgency', { urgency: label('urgency', report.urgency) })} · {t(report.consentToContact ? 'inbox.consent' : 'inbox.noConsent')}
      </p>
      {report.crisisTypes.length > 0 ? (
        <div className="ui-row">
          {report.crisisTypes.map((c) => (
            <Badge key={c} tone="info">
              {label('crisisType', c)}
            </Badge>
          ))}
        </div>
      ) : null}
      {report.photos.length > 0 ? (
        <div className="inbox-photos" aria-label={t('inbox.photos', { n: report.photos.length })}>
          {report.photos.map((p, i) => (
            <img key={p.id} src={p.dataUrl} alt={t('inbox.photo', { n: i + 1 })} />
          ))}
        </div>
      ) : null}
    </>
  )
}

function DueLine({ report, item }: { report: Discovery; item: InboxItem }) {
  const t = useT()
  const overdue = isDiscoveryOverdue(report, item.handling, todayInSeoul())
  return (
    <p data-testid="discovery-due">
      {t('inbox.due', { date: formatDate(discoveryDue(report)) })}
      {overdue ? (
        <>
          {' '}
          <Badge tone="danger">{t('inbox.overdue')}</Badge>
        </>
      ) : null}
    </p>
  )
}

function Actions({ item, session, briefs }: { item: InboxItem; session: Session; briefs: ReadonlyMap<string, Brief> }) {
  const t = useT()
  const label = useEnumLabel()
  const cmd = useCommand()
  const [converting, setConverting] = useState(false)
  const [targetType, setTargetType] = useState<TargetType | undefined>(undefined)
  const [targetError, setTargetError] = useState<string | undefined>(undefined)
  const { report, handling } = item
  const by = { id: session.user.id, team: session.user.team }
  const toIntake = async (discovery: Discovery) => {
    if (!targetType) {
      setTargetError(t('inbox.toIntake.targetRequired'))
      return
    }
    let caseId = ''
    if (await cmd.run(async () => (caseId = await intakeFromDiscovery(item.name, discovery, { targetType }, by)))) {
      navigate({ name: 'caseFile', caseId })
    }
  }
  const canLink = report.kind === 'checkin' && briefs.has(report.briefId)
  return (
    <>
      {report.kind === 'discovery' ? <DueLine report={report} item={item} /> : null}
      {report.kind === 'checkin' && !canLink ? <p className="inbox-meta">{t('inbox.link.noBrief')}</p> : null}
      {converting && report.kind === 'discovery' ? (
        <div className="inbox-convert">
          <p>{t('inbox.toIntake.explain')}</p>
          <ChoiceGroup
            legend={t('inbox.targetType')}
            choices={TARGET_TYPES.map((v) => ({ value: v, label: label('targetType', v) }))}
            value={targetType}
            onChange={(v) => {
              setTargetType(v)
              setTargetError(undefined)
            }}
            error={targetError}
          />
          <div className="ui-row">
            <Button variant="primary" disabled={cmd.busy} onClick={() => void toIntake(report)}>
              {t('inbox.toIntake.confirm')}
            </Button>
            <Button onClick={() => setConverting(false)}>{t('inbox.cancel')}</Button>
          </div>
        </div>
      ) : (
        <div className="ui-row">
          {!handling.ack ? (
            <Button disabled={cmd.busy} onClick={() => void cmd.run(() => acknowledgeReport(item.name, by))}>
              {t('inbox.ack')}
            </Button>
          ) : null}
          {report.kind === 'discovery' ? (
            <Button variant="primary" disabled={cmd.busy} onClick={() => setConverting(true)}>
              {t('inbox.toIntake')}
            </Button>
          ) : (
            <Button variant="primary" disabled={cmd.busy || !canLink} onClick={() => void cmd.run(() => linkCheckIn(item.name, report, by))}>
              {t('inbox.link')}
            </Button>
          )}
        </div>
      )}
      <FormError message={cmd.formError} />
    </>
  )
}
