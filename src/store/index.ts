// The store's public face: screens and the sync engine import only from here.
export { openStore, closeStore } from './db'
export { ValidationError, TransitionError, CaseNotFoundError, type ValidationIssue } from './errors'
export {
  createCase,
  updateHousehold,
  addMember,
  updateMember,
  removeMember,
  setIntake,
  setNeed,
  setCrisisSigns,
  setSelection,
  addConference,
  setPlanGoals,
  addPlannedService,
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
  type VisitInput,
  type TextPath,
} from './commands'
export { addResource, listResources } from './resources'
export { getSettings, saveSettings, type Settings } from './storageMeta'
export { rebuildProjections } from './rebuild'
export {
  useCaseList,
  useCaseFile,
  useUnsyncedCount,
  useResources,
  useSettings,
  useRejectedDocs,
  type CaseListQuery,
  type CaseListResult,
  type RejectedDoc,
} from './hooks'
export { createDexieSyncStore } from './syncAdapter'
export { generateSyntheticCases } from './demo'
