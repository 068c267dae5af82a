// <input type="datetime-local"> values in Asia/Seoul time, whatever the device's time zone.
import { formatDateTime } from '../../domain'

/** ISO instant → 'YYYY-MM-DDTHH:mm' as a Seoul wall clock. */
export function instantToSeoulLocal(instant: string): string {
  const [date = '', time = ''] = formatDateTime(instant).split(' ')
  return `${date.replaceAll('.', '-')}T${time}`
}

/** 'YYYY-MM-DDTHH:mm' on a Seoul wall clock → ISO instant (Korea has no DST, always +09:00). */
export function seoulLocalToInstant(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined
  const t = new Date(`${local}:00+09:00`)
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString()
}
