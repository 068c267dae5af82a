// The volunteer screens bring their own text (they load only on a volunteer's phone).
import { registerMessages } from '../../i18n'
import { messages } from '../../i18n/messages/volunteer'

registerMessages(messages)
