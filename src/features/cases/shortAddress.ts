// A short address for lists read over a shoulder: district and road only, no building number or unit.
const REGION = /(특별시|광역시|특별자치시|특별자치도|도)$/
const ROAD = /(로|길)$/

/** '서울특별시 서대문구 신촌로 123 101호' → '서대문구 신촌로'. */
export function shortAddress(address: string): string {
  const parts = address.trim().split(/\s+/).filter(Boolean)
  if (parts.length > 1 && REGION.test(parts[0] as string)) parts.shift()
  const road = parts.findIndex((p) => ROAD.test(p))
  if (road >= 0) return parts.slice(0, road + 1).join(' ')
  // No road name found: keep the first two words, never the numbers after them.
  return parts
    .slice(0, 2)
    .filter((p) => !/\d/.test(p))
    .join(' ')
}
