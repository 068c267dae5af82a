// The volunteer's home: households due for a 안부확인 today or overdue first, then the rest; the
// 새 발굴 보고 button; the reports they sent with one status word each.
import { formatDate, todayInSeoul } from '../../domain'
import type { Brief, InboxItem } from '../../domain'
import { useEnumLabel, useT } from '../../i18n'
import { KindPicker } from './KindPicker'
import { householdRows, reportsNewestFirst, statusWord } from './model'
import type { HouseholdRow } from './model'
import type { VolunteerData } from './hooks'
import { useVolunteerKind } from './hooks'
import { volunteerHref } from './route'
import type { VolunteerUser } from './user'

function HouseholdItem({ row }: { row: HouseholdRow }) {
  const t = useT()
  const label = useEnumLabel()
  const { brief, due, lateDays } = row
  return (
    <li>
      <a className={lateDays >= 0 ? 'vol-household vol-household--due' : 'vol-household'} href={volunteerHref({ name: 'checkin', briefId: brief.id })} data-testid="household-row">
        <span className="vol-household__name">{brief.headName}</span>
        <span className="vol-household__address">{brief.address}</span>
        <span className="vol-household__meta">
          {t('vol.schedule', { schedule: label('checkInSchedule', brief.schedule) })} · {t('vol.home.due', { date: formatDate(due) })}
          {lateDays > 0 ? <strong className="vol-late"> · {t('vol.home.overdue', { days: lateDays })}</strong> : null}
          {lateDays === 0 ? <strong className="vol-today"> · {t('vol.home.today')}</strong> : null}
        </span>
        <span className="vol-household__go" aria-hidden="true">
          {t('vol.home.start')} ›
        </span>
      </a>
    </li>
  )
}

function ReportItem({ item, briefs, send }: { item: InboxItem; briefs: readonly Brief[]; send: VolunteerData['send'] }) {
  const t = useT()
  const { report } = item
  const word = statusWord(item, send.get(item.name))
  const title =
    report.kind === 'checkin'
      ? t('vol.report.checkin', { name: briefs.find((b) => b.id === report.briefId)?.headName ?? '—' })
      : t('vol.report.discovery', { place: report.place })
  return (
    <li className="vol-report" data-testid="report-row" data-status={word}>
      <span className="vol-report__title">{title}</span>
      <span className="vol-report__meta">
        {formatDate(report.date)} · <strong className={`vol-word vol-word--${word}`}>{t(`vol.status.${word}`)}</strong>
      </span>
    </li>
  )
}

export function VolunteerHome({ data, user }: { data: VolunteerData; user: VolunteerUser | null }) {
  const t = useT()
  const label = useEnumLabel()
  const { loaded, kind } = useVolunteerKind()
  const today = todayInSeoul()
  const { due, later } = householdRows(data.briefs, data.reports, today)
  const reports = reportsNewestFirst(data.reports)
  const none = !data.loading && due.length === 0 && later.length === 0
  return (
    <div className="screen vol">
      <h1 className="vol-title">{t('vol.home.title')}</h1>
      {user ? (
        <p className="vol-who" data-testid="volunteer-who">
          {t('vol.home.hello', { username: user.username })}
          {kind ? <> · <span data-testid="volunteer-kind">{label('volunteerKind', kind)}</span></> : null}
        </p>
      ) : null}
      {loaded && !kind ? <KindPicker /> : null}

      {data.loading ? (
        <p role="status">{t('vol.home.loading')}</p>
      ) : none ? (
        <p className="vol-empty" data-testid="no-households">
          {t('vol.home.empty')}
        </p>
      ) : (
        <>
          <section aria-labelledby="vol-due">
            <h2 id="vol-due" className="vol-subtitle">
              {t('vol.home.dueNow')}
            </h2>
            {due.length ? (
              <ul className="vol-list" data-testid="due-list">
                {due.map((row) => (
                  <HouseholdItem key={row.brief.id} row={row} />
                ))}
              </ul>
            ) : (
              <p className="vol-hint">{t('vol.home.noneDue')}</p>
            )}
          </section>
          {later.length ? (
            <section aria-labelledby="vol-later">
              <h2 id="vol-later" className="vol-subtitle">
                {t('vol.home.later')}
              </h2>
              <ul className="vol-list" data-testid="later-list">
                {later.map((row) => (
                  <HouseholdItem key={row.brief.id} row={row} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}

      <a className="vol-big-button" href={volunteerHref({ name: 'discovery' })}>
        {t('vol.home.newDiscovery')}
      </a>
      <p className="vol-hint">{t('vol.home.discoveryHint')}</p>

      <section aria-labelledby="vol-reports">
        <h2 id="vol-reports" className="vol-subtitle">
          {t('vol.home.reports')}
        </h2>
        {reports.length ? (
          <ul className="vol-list" data-testid="report-list">
            {reports.map((item) => (
              <ReportItem key={item.name} item={item} briefs={data.briefs} send={data.send} />
            ))}
          </ul>
        ) : (
          <p className="vol-hint">{t('vol.home.noReports')}</p>
        )}
      </section>
    </div>
  )
}
