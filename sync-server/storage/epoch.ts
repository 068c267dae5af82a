// A database's epoch: a random id for one unbroken history of sequence numbers.
import crypto from 'node:crypto'

/** A random positive integer below 2^48 (a varuint on the wire, exact as a JS number). */
export const newEpoch = (): number => crypto.randomInt(1, 2 ** 48)
