// A supervisor deletes a case file (issue 9: e.g. registered twice, or on the wrong person): with a
// reason, recorded in the access records, destroyed on the relay like a purge after retention, and
// removed from every device that holds it (their sessions get Revoked; devices offline get it at the
// next Hello). Only a supervisor of the owning team may; the reason is required.
import { containsRrn } from '../src/domain'
import { docKind, isDocName } from '../src/sync/protocol'
import type { Principal } from './access'
import type { RelayCore } from './core'

export type DeletionResult = { ok: true; name: string } | { ok: false; status: 400 | 403 | 404 | 409; error: string }

const REASON_MAX = 500

export function deleteCase(core: RelayCore, user: Principal, ip: string, name: string, reason: string): DeletionResult {
  if (!isDocName(name) || docKind(name) !== 'case') return { ok: false, status: 400, error: '사례 파일 이름이 올바르지 않습니다.' }
  const why = reason.trim()
  if (!why) return { ok: false, status: 400, error: '삭제 사유를 입력하세요.' }
  if (why.length > REASON_MAX) return { ok: false, status: 400, error: `삭제 사유는 ${REASON_MAX}자까지 쓸 수 있습니다.` }
  if (containsRrn(why)) return { ok: false, status: 400, error: '사유에 주민등록번호 전체를 쓸 수 없습니다.' }
  const access = core.storage.docAccess(name)
  if (!access) return { ok: false, status: 404, error: '사례 파일을 찾을 수 없습니다.' }
  if (user.role !== 'supervisor' || access.ownerTeam !== user.team) {
    core.auditor.record(user.id, ip, name, 'refused', Date.now(), 'delete')
    return { ok: false, status: 403, error: '사례 파일은 담당 팀의 팀장만 삭제할 수 있습니다.' }
  }
  const lastSeq = core.storage.docLastSeq(name)
  if (lastSeq === null) return { ok: false, status: 404, error: '사례 파일을 찾을 수 없습니다.' }
  const at = Date.now()
  // Recorded first (with the reason), then destroyed; a write that lands in between makes the purge
  // skip the document, and the supervisor is asked to try again.
  core.auditor.record(user.id, ip, name, 'deleted', at, `reason=${why}`)
  const destroyed = core.storage.purgeDocs([{ name, lastSeq }], `user:${user.id}`, at)
  if (!destroyed.includes(name)) return { ok: false, status: 409, error: '방금 다른 기기에서 바뀐 사례입니다. 다시 시도해 주세요.' }
  core.storage.evictCached([name])
  core.log(`case deleted seq=${lastSeq}`)
  return { ok: true, name }
}
