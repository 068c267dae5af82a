// The store's public face: screens and the sync engine import only from here.
export { openStore, closeStore, isStoreOpen, StoreLockedError, userDbName, LEGACY_DB_NAME } from './db'
export { importLegacyStore } from './legacyImport'
export { useLostDocs, dismissLostDoc, type LostDoc } from './lostAccess'
export { useRefusedEdits, dismissRefusedEdit, type RefusedEdit } from './refusedEdits'
export { queueView } from './viewQueue'
export { useDraft, whenDraftsSaved } from './drafts'
export { ValidationError, TransitionError, CaseNotFoundError, type ValidationIssue } from './errors'
export { CaseFileReadError } from './caseDoc'
export {
  createCase,
  getCaseFile,
  updateHousehold,
  addMember,
  updateMember,
  removeMember,
  setIntake,
  setNeed,
  setAssessmentDate,
  startReassessment,
  setCrisisSigns,
  setSelection,
  changeStage,
  changeLevel,
  reopenCase,
  closeCase,
  type CreateCaseInput,
  type MemberInput,
  type HouseholdInput,
  type IntakeInput,
} from './caseCommands'
export {
  addConference,
  setPlanGoals,
  addPlannedService,
  addLinkage,
  setLinkageStatus,
  addMonitoringNote,
  createVisit,
  updateVisit,
  addFollowUp,
  CONTACT_REQUIRED,
  type VisitInput,
  type NewVisitInput,
} from './entityCommands'
export {
  updateConference,
  removeConference,
  updatePlannedService,
  removePlannedService,
  updateLinkage,
  removeLinkage,
  updateMonitoringNote,
  removeMonitoringNote,
  removeVisit,
  updateFollowUp,
  removeFollowUp,
  updateClosure,
  removeClosure,
  type RemovedRecord,
  type RecordKind,
} from './recordEdits'
export { undoRemove } from './undo'
export { setText, type TextPath, type VisitTextField } from './textCommands'
export {
  addResource,
  listResources,
  updateResource,
  deleteResource,
  restoreResource,
  listMeetings,
  addMeeting,
  updateMeeting,
  deleteMeeting,
  restoreMeeting,
  onResourcesChange,
  type ResourceInput,
  type MeetingInput,
  type RemovedTeamEntry,
} from './resources'
export {
  getSettings,
  getDeviceId,
  setDeviceId,
  getSession,
  setSession,
  DEFAULT_SETTINGS,
  type Settings,
} from './storageMeta'
export { saveSettings } from './settings'
export { rebuildProjections } from './rebuild'
export { whenAllWritten } from './docStore'
export { loadAllCaseFiles } from './bulkRead'
export {
  useCaseList,
  useCaseFile,
  useUnsyncedCount,
  useResources,
  useSettings,
  useRejectedDocs,
  countUnsynced,
  type CaseListQuery,
  type CaseListResult,
  type RejectedDoc,
} from './hooks'
export { createDexieSyncStore } from './syncAdapter'
export { generateSyntheticCases } from './demo'
export { recordConsent, withdrawConsent, type ConsentInput } from './consents'
export {
  referCase,
  shareReadOnly,
  acceptReferral,
  endShare,
  listTeams,
  type Actor,
  type ProvisionInput,
  type TeamInfo,
} from './referrals'
export { listBriefs, listReports, onVolunteerDocsChange, updateHandling, type BriefEntry } from './volunteerStore'
export { assignVolunteer, updateAssignment, endAssignment, listCaseBriefs, BRIEF_MESSAGES, type Assigner, type AssignmentEdit } from './briefs'
export { intakeFromDiscovery, linkCheckIn, acknowledgeReport, caseOfCheckIn, presentingProblemOf, monitoringTextOf, INTAKE_MESSAGES, type Handler } from './reportIntake'
export { loadTeamVolunteers, cachedTeamVolunteers, type TeamVolunteers, type VolunteerInfo } from './teamVolunteers'
export { getVolunteerKind, setVolunteerKind, onVolunteerKindChange, reportSendStates, type ReportSendState } from './volunteerProfile'
