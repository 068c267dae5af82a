// Saving settings: validated, stored, announced; a deadline change recomputes every due flag.
import type { DeadlineSettings, Locale } from '../domain'
import { rebuildProjections } from './rebuild'
import { emitSettings } from './settingsEvents'
import { SettingsSchema, getSettings, writeSettings } from './storageMeta'
import type { Settings } from './storageMeta'
import { validate } from './validate'

export async function saveSettings(patch: { deadlines?: Partial<DeadlineSettings>; locale?: Locale }): Promise<Settings> {
  const current = await getSettings()
  const next = validate(SettingsSchema, {
    deadlines: { ...current.deadlines, ...patch.deadlines },
    locale: patch.locale ?? current.locale,
  })
  await writeSettings(next)
  const deadlinesChanged = JSON.stringify(current.deadlines) !== JSON.stringify(next.deadlines)
  emitSettings(next, deadlinesChanged)
  // In the background: 5,000 cases take a while and the list shows old flags meanwhile.
  if (deadlinesChanged) void rebuildProjections().catch((err: unknown) => console.error('rebuild failed', (err as Error).name))
  return next
}
