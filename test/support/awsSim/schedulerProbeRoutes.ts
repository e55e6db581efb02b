/**
 * EventBridge Scheduler's side of the simulator, in its restJson1 protocol: the few requests the
 * doctor's probes send (GET/DELETE /schedules/{Name}?groupName=, PUT with the group in its body, GET /schedules?ScheduleGroup=,
 * GET /schedule-groups/{Name}). Each is authorized first, on the resource IAM checks it on, then
 * answered: this simulator holds groups but no schedules, so a named schedule is never found. Errors
 * carry their name in x-amzn-errortype, where the SDK looks; AccessDeniedException is a 403.
 */
import { PolicyWorld, SimAccessDenied } from './policyWorld'

export interface JsonAnswer {
  status: number
  type?: string
  body: Record<string, unknown>
}

const REGION = 'eu-west-1'

export function answerScheduler(world: PolicyWorld, method: string, url: URL, body: string): JsonAnswer {
  const arn = (kind: string, name: string) => `arn:aws:scheduler:${REGION}:${world.account}:${kind}/${name}`
  const schedule = /^\/schedules\/([^/]+)$/.exec(url.pathname)
  const group = /^\/schedule-groups\/([^/]+)$/.exec(url.pathname)
  try {
    if (schedule) {
      const name = decodeURIComponent(schedule[1]!)
      // GET and DELETE name the group in the query; PUT and POST in the JSON body.
      const fromBody = body ? (JSON.parse(body) as { GroupName?: string }).GroupName : undefined
      const groupName = url.searchParams.get('groupName') ?? fromBody ?? 'default'
      const action = { GET: 'GetSchedule', DELETE: 'DeleteSchedule', PUT: 'UpdateSchedule', POST: 'CreateSchedule' }[method]
      if (!action) return fail(405, 'ValidationException', `No ${method} on a schedule`)
      world.authorize(`scheduler:${action}`, arn('schedule', `${groupName}/${name}`))
      if (!world.groups.has(groupName)) return fail(404, 'ResourceNotFoundException', `Schedule group ${groupName} does not exist.`)
      return fail(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`)
    }
    if (group && method === 'GET') {
      const name = decodeURIComponent(group[1]!)
      world.authorize('scheduler:GetScheduleGroup', arn('schedule-group', name))
      if (!world.groups.has(name)) return fail(404, 'ResourceNotFoundException', `Schedule group ${name} does not exist.`)
      return { status: 200, body: { Arn: arn('schedule-group', name), Name: name, State: 'ACTIVE' } }
    }
    if (url.pathname === '/schedules' && method === 'GET') {
      world.authorize('scheduler:ListSchedules', '*')
      return { status: 200, body: { Schedules: [] } }
    }
    return fail(404, 'UnknownOperationException', `The simulator does not implement ${method} ${url.pathname}`)
  } catch (failure) {
    if (failure instanceof SimAccessDenied) return fail(403, 'AccessDeniedException', failure.message)
    throw failure
  }
}

const fail = (status: number, type: string, message: string): JsonAnswer => ({ status, type, body: { Message: message } })
