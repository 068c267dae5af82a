// Route screen for 가구 등록: after saving, the new case file opens.
import { navigate } from '../shell/router'
import { HouseholdForm } from './HouseholdForm'
import '../../i18n/screenMessages'

export function HouseholdScreen() {
  return <HouseholdForm onSaved={(caseId) => navigate({ name: 'caseFile', caseId })} />
}
