// Pure helpers of the shell: routes, storage warning threshold, short addresses, messages.
import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute } from '../../../src/features/shell/router'
import { syncUrlFor } from '../../../src/features/shell/syncUrl'
import { formatBytes, isStorageLow } from '../../../src/platform/storageQuota'
import { shortAddress } from '../../../src/features/cases/shortAddress'
import { MESSAGES, translate } from '../../../src/i18n'
import '../../../src/i18n/screenMessages'

const MB = 1024 * 1024
const ID = '0b7a3c9e-5d2f-4a61-9c8e-1f2a3b4c5d6e'

describe('router', () => {
  it('parses every screen and round-trips through hrefOf', () => {
    expect(parseRoute('')).toEqual({ name: 'cases' })
    expect(parseRoute('#/')).toEqual({ name: 'cases' })
    expect(parseRoute('#/new')).toEqual({ name: 'newHousehold' })
    expect(parseRoute(`#/case/${ID}`)).toEqual({ name: 'caseFile', caseId: ID })
    expect(parseRoute('#/case/not-an-id')).toEqual({ name: 'notFound' })
    expect(parseRoute('#/settings/')).toEqual({ name: 'settings' })
    for (const hash of ['#/', '#/new', `#/case/${ID}`, '#/resources', '#/settings', '#/statistics']) {
      expect(hrefOf(parseRoute(hash))).toBe(hash)
    }
  })

  it('builds the sync URL from the page origin', () => {
    expect(syncUrlFor({ protocol: 'https:', host: 'doum.example.kr' })).toBe('wss://doum.example.kr/sync')
    expect(syncUrlFor({ protocol: 'http:', host: '127.0.0.1:8787' })).toBe('ws://127.0.0.1:8787/sync')
  })
})

describe('storage warning', () => {
  it('warns above 80% of the quota or under 50 MB free', () => {
    expect(isStorageLow({ usage: 100 * MB, quota: 1000 * MB })).toBe(false)
    expect(isStorageLow({ usage: 801 * MB, quota: 1000 * MB })).toBe(true)
    expect(isStorageLow({ usage: 20 * MB, quota: 60 * MB })).toBe(true)
    expect(isStorageLow({ usage: 0, quota: 0 })).toBe(false)
    expect(formatBytes(1.5 * 1024 * MB)).toBe('1.5 GB')
  })
})

describe('shortAddress', () => {
  it('keeps district and road, drops building number and unit', () => {
    expect(shortAddress('서울특별시 서대문구 신촌로 123 101호')).toBe('서대문구 신촌로')
    expect(shortAddress('경기도 수원시 팔달구 정조로 10')).toBe('수원시 팔달구 정조로')
    expect(shortAddress('서울특별시 중구 세종대로 110')).toBe('중구 세종대로')
    expect(shortAddress('어딘가 12-3')).toBe('어딘가')
  })
})

describe('messages', () => {
  it('has every Korean key in English too, and fills placeholders', () => {
    const missing = Object.keys(MESSAGES.ko).filter((k) => !(k in MESSAGES.en))
    expect(missing).toEqual([])
    expect(translate('ko', 'shell.sync.syncing', { done: 3, total: 10 })).toBe('동기화 중 3/10')
    expect(translate('en', 'cases.count', { shown: 1, total: 2 })).toBe('1 of 2')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
  })
})
