// Pure text merge for IME inputs: a local edit made on top of `base` is replayed onto a newer
// remote value, so a remote change that lands mid-typing neither clobbers nor is clobbered.

export interface TextEdit {
  start: number
  deleteCount: number
  insert: string
}

/** The single contiguous edit that turns `from` into `to` (common prefix and suffix trimmed). */
export function diffText(from: string, to: string): TextEdit {
  let start = 0
  const max = Math.min(from.length, to.length)
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++
  let endFrom = from.length
  let endTo = to.length
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--
    endTo--
  }
  return { start, deleteCount: endFrom - start, insert: to.slice(start, endTo) }
}

/** Maps a caret position in `base` through an edit (positions after the edit shift by its length change). */
export function mapPosition(pos: number, edit: TextEdit): number {
  if (pos <= edit.start) return pos
  if (pos >= edit.start + edit.deleteCount) return pos + edit.insert.length - edit.deleteCount
  return edit.start + edit.insert.length
}

/** Applies the local edit (base → local) to `remote` (base → remote). Local text wins where both touched. */
export function rebaseText(base: string, local: string, remote: string): string {
  if (local === base) return remote
  if (remote === base || remote === local) return local
  const mine = diffText(base, local)
  const theirs = diffText(base, remote)
  const mineEnd = mine.start + mine.deleteCount
  const theirsEnd = theirs.start + theirs.deleteCount
  const overlaps = mine.start < theirsEnd && theirs.start < mineEnd
  if (!overlaps) {
    const start = mapPosition(mine.start, theirs)
    const end = mapPosition(mineEnd, theirs)
    // At the same insertion point the local text goes first; either order keeps both.
    return remote.slice(0, start) + mine.insert + remote.slice(Math.max(start, end))
  }
  // Both rewrote the same span: keep the remote text around it and the local text in it.
  const start = Math.min(mine.start, theirs.start)
  const endInRemote = Math.max(theirs.start + theirs.insert.length, mapPosition(mineEnd, theirs))
  const localEnd = local.length - (base.length - Math.max(mineEnd, theirsEnd))
  return remote.slice(0, start) + local.slice(start, localEnd) + remote.slice(endInRemote)
}
