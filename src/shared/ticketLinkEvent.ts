/** What main tells the window of a ticket link: open this user, or the link was refused and why (never acted on). */
import { z } from 'zod'
import { LINK_LIMITS, LINK_USER_KEYS } from './ticketLink'

export const openLinkEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), by: z.enum(LINK_USER_KEYS), value: z.string().min(1).max(LINK_LIMITS.email) }).strict(),
  z.object({ kind: z.literal('refused'), reason: z.string().min(1).max(2048) }).strict()
])
export type OpenLinkEvent = z.output<typeof openLinkEvent>
