// The store's public face: screens and the sync engine import only from here.
export { openStore, closeStore, DEFAULT_DB_NAME } from './db'
export { ValidationError, TransitionError, CaseNotFoundError, type ValidationIssue } from './errors'
export { CaseFileReadError } from './caseDoc'
export {
  createCase,
  updateHousehold,
  addMember,
  updateMember,
  removeMember,
  setIntake,
  setNeed,
  setAssessmentDate,
  setCrisisSigns,
  setSelection,
  addConference,
  setPlanGoals,
  addPlannedService,
  removePlannedService,
  addLinkage,
  setLinkageStatus,
  addMonitoringNote,
  createVisit,
  updateVisit,
  setText,
  changeStage,
  closeCase,
  addFollowUp,
  getCaseFile,
  type CreateCaseInput,
  type MemberInput,
  type HouseholdInput,
  type IntakeInput,
  type VisitInput,
  type TextPath,
  type VisitTextField,
} from './commands'
export { addResource, listResources, type ResourceInput } from './resources'
export {
  getSettings,
  getDeviceId,
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
