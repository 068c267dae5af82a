// The text of every screen loaded on first use; each of those screens imports this module, so
// whichever opens first brings it (one shared chunk, precached by the service worker).
import { registerMessages } from './index'
import { messages as households } from './messages/households'
import { messages as resources } from './messages/resources'
import { messages as caseFile } from './messages/caseFile'
import { messages as visits } from './messages/visits'
import { messages as supervisor } from './messages/supervisor'
import { messages as lockSettings } from './messages/lockSettings'

registerMessages(households, resources, caseFile, visits, supervisor, lockSettings)
