// The device's store write, timed alone in its own process: the received states handed to the app's
// real SyncStore (src/store/syncAdapter.ts, Dexie) page by page as the engine does, on fake-indexeddb.
import 'fake-indexeddb/auto'
import { FEED_PAGE_DOCS } from '../src/sync/protocol'
import { closeStore, openStore } from '../src/store/db'
import { createDexieSyncStore } from '../src/store/syncAdapter'
import { readDocFile } from './docFile'

const file = process.argv[2]
if (!file) throw new Error('usage: storeRowChild.ts <docs-file>')
const items = readDocFile(file)
// Sealed like the app's: every row goes through AES-GCM with a data key.
openStore(`doum-bench-${process.pid}`, await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']))
const store = createDexieSyncStore()
const t0 = performance.now()
for (let i = 0; i < items.length; i += FEED_PAGE_DOCS) {
  await store.applyRemote(items.slice(i, i + FEED_PAGE_DOCS))
  if (process.env.BENCH_VERBOSE) console.error(`store row: ${i + FEED_PAGE_DOCS} docs ${(performance.now() - t0).toFixed(0)} ms`)
}
const ms = performance.now() - t0
closeStore()
process.send?.({ type: 'ready', ms, docs: items.length })
process.disconnect?.()
setTimeout(() => process.exit(0), 100)
