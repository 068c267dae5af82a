// An in-memory stand-in for navigator.locks (exclusive mode only) so tab leadership can be tested
// in Node, where Web Locks do not exist.
import type { LockManagerLike } from '../../src/sync/tabLeader'

export function createMemoryLocks(): LockManagerLike {
  const held = new Set<string>()
  const queues = new Map<string, (() => void)[]>()
  const grantNext = (name: string): void => {
    const next = queues.get(name)?.shift()
    if (next) next()
    else held.delete(name)
  }
  return {
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const run = (): void => {
          callback().then(resolve, reject).finally(() => grantNext(name))
        }
        if (!held.has(name)) {
          held.add(name)
          run()
          return
        }
        const queue = queues.get(name) ?? []
        queue.push(run)
        queues.set(name, queue)
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(run)
          if (i >= 0) {
            queue.splice(i, 1)
            reject(new DOMException('aborted', 'AbortError'))
          }
        })
      })
    },
  }
}
