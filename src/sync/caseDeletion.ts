// Asks the relay to delete a case file (a supervisor of the owning team, with a reason). Online only:
// the relay destroys it and every device that holds it, this one included, removes it at its next sync.
export class CaseDeletionError extends Error {
  override name = 'CaseDeletionError'
}

const OFFLINE = '서버에 연결되어 있을 때만 삭제할 수 있습니다. 연결된 뒤 다시 시도하세요.'

export async function deleteCaseOnRelay(
  token: string | null, docName: string, reason: string, fetchImpl: typeof fetch = fetch,
): Promise<void> {
  if (!token) throw new CaseDeletionError('로그인이 필요합니다. 다시 로그인한 뒤 시도하세요.')
  let res: Response
  try {
    res = await fetchImpl('/api/delete', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: docName, reason }),
    })
  } catch {
    throw new CaseDeletionError(OFFLINE)
  }
  if (res.ok) return
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null
  throw new CaseDeletionError(typeof body?.error === 'string' ? body.error : '삭제하지 못했습니다. 잠시 후 다시 시도하세요.')
}
