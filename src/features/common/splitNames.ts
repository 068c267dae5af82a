/** "김복지, 이담당" or one name per line → trimmed, non-empty names (attendees, visitors). */
export function splitNames(text: string): string[] {
  return text
    .split(/[,\n、]/)
    .map((s) => s.trim())
    .filter(Boolean)
}
