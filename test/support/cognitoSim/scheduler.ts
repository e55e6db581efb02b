/**
 * EventBridge Scheduler's REST-JSON API as the SDK sends it (client-scheduler's dist-cjs: POST/PUT/GET/
 * DELETE /schedules/{Name} with ?groupName=, GET /schedules?ScheduleGroup=&NamePrefix=&NextToken=&MaxResults=,
 * POST /schedule-groups/{Name}), served beside the Cognito simulator on its endpoint. It checks what
 * Scheduler checks of a tier return: the name, the `at(…)` expression, the group, the universal
 * target's ARN, the role ARN and the Input JSON; errors come as the status and x-amzn-errortype header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface SimSchedule {
  Name: string
  GroupName: string
  ScheduleExpression: string
  ScheduleExpressionTimezone?: string
  FlexibleTimeWindow: { Mode: string }
  ActionAfterCompletion?: string
  Description?: string
  State?: string
  Target: { Arn: string; RoleArn: string; Input?: string }
}

class SchedulerError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/
const AT = /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/
const ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/
const UNIVERSAL = /^arn:aws:scheduler:::aws-sdk:[a-z]+:[a-zA-Z]+$/
const invalid = (message: string) => new SchedulerError(400, 'ValidationException', message)

export class SimScheduler {
  readonly groups = new Set(['default'])
  readonly schedules = new Map<string, SimSchedule>()
  /** Every request's operation, in order. */
  readonly calls: string[] = []
  /** The next request of this operation is refused with this error (then the hook is cleared). */
  failNext: { operation: string; status: number; type: string } | null = null

  owns(url: string | undefined): boolean {
    return /^\/(schedules|schedule-groups)(\/|\?|$)/.test(url ?? '')
  }

  handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    let status = 200
    let payload: Record<string, unknown>
    try {
      payload = this.answer(req.method ?? 'GET', new URL(req.url ?? '/', 'http://sim'), raw ? (JSON.parse(raw) as Record<string, unknown>) : {})
    } catch (error) {
      if (!(error instanceof SchedulerError)) throw error
      status = error.status
      payload = { Message: error.message }
      res.setHeader('x-amzn-errortype', error.type)
    }
    const text = JSON.stringify(payload)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }

  private answer(method: string, url: URL, body: Record<string, unknown>): Record<string, unknown> {
    const [, collection, encoded] = url.pathname.split('/')
    const name = encoded === undefined ? undefined : decodeURIComponent(encoded)
    if (collection === 'schedule-groups' && method === 'POST' && name) return this.createGroup(name)
    if (collection !== 'schedules') throw new SchedulerError(404, 'ResourceNotFoundException', `No such path ${url.pathname}`)
    if (!name) {
      this.calls.push('ListSchedules')
      return this.list(url.searchParams)
    }
    if (!NAME.test(name)) throw invalid(`Name ${name} must be 1-64 characters of [0-9a-zA-Z-_.]`)
    const operation = { POST: 'CreateSchedule', PUT: 'UpdateSchedule', GET: 'GetSchedule', DELETE: 'DeleteSchedule' }[method] ?? method
    this.calls.push(operation)
    const group = method === 'POST' || method === 'PUT' ? String(body.GroupName ?? 'default') : (url.searchParams.get('groupName') ?? 'default')
    if (!this.groups.has(group)) throw new SchedulerError(404, 'ResourceNotFoundException', `Schedule group ${group} does not exist.`)
    const key = `${group}/${name}`
    const existing = this.schedules.get(key)
    if (this.failNext?.operation === operation) {
      const { status, type } = this.failNext
      this.failNext = null
      throw new SchedulerError(status, type, `${operation} refused by the test`)
    }
    if (method === 'POST' && existing) throw new SchedulerError(409, 'ConflictException', `Schedule ${name} already exists.`)
    if (method !== 'POST' && !existing) throw new SchedulerError(404, 'ResourceNotFoundException', `Schedule ${name} does not exist.`)
    if (method === 'GET') return { ...existing, Arn: `arn:aws:scheduler:us-east-1:000000000000:schedule/${key}`, CreationDate: 1_700_000_000 }
    if (method === 'DELETE') {
      this.schedules.delete(key)
      return {}
    }
    this.schedules.set(key, checked(name, group, body))
    return { ScheduleArn: `arn:aws:scheduler:us-east-1:000000000000:schedule/${key}` }
  }

  private createGroup(name: string): Record<string, unknown> {
    this.calls.push('CreateScheduleGroup')
    if (!NAME.test(name)) throw invalid(`Group name ${name} is not valid`)
    if (this.groups.has(name)) throw new SchedulerError(409, 'ConflictException', `Schedule group ${name} already exists.`)
    this.groups.add(name)
    return { ScheduleGroupArn: `arn:aws:scheduler:us-east-1:000000000000:schedule-group/${name}` }
  }

  private list(query: URLSearchParams): Record<string, unknown> {
    const group = query.get('ScheduleGroup')
    if (group && !this.groups.has(group)) throw new SchedulerError(404, 'ResourceNotFoundException', `Schedule group ${group} does not exist.`)
    const prefix = query.get('NamePrefix') ?? ''
    const max = Number(query.get('MaxResults') ?? 100)
    if (!Number.isInteger(max) || max < 1 || max > 100) throw invalid('MaxResults must be between 1 and 100')
    const start = Number(query.get('NextToken') ?? 0)
    const all = [...this.schedules.values()].filter((s) => (!group || s.GroupName === group) && s.Name.startsWith(prefix))
    const page = all.slice(start, start + max)
    return {
      Schedules: page.map((s) => ({ Name: s.Name, GroupName: s.GroupName, State: s.State ?? 'ENABLED', Target: { Arn: s.Target.Arn } })),
      ...(start + max < all.length ? { NextToken: String(start + max) } : {})
    }
  }
}

/** What Scheduler refuses in a CreateSchedule or UpdateSchedule of a one-time universal-target schedule. */
function checked(name: string, group: string, body: Record<string, unknown>): SimSchedule {
  const schedule = body as unknown as SimSchedule
  if (typeof schedule.ScheduleExpression !== 'string' || !AT.test(schedule.ScheduleExpression)) throw invalid('Invalid Schedule Expression')
  if (schedule.ScheduleExpressionTimezone !== undefined && schedule.ScheduleExpressionTimezone !== 'UTC') throw invalid('Only UTC in this simulator')
  if (!['OFF', 'FLEXIBLE'].includes(schedule.FlexibleTimeWindow?.Mode)) throw invalid('FlexibleTimeWindow.Mode is required')
  if (!UNIVERSAL.test(schedule.Target?.Arn ?? '')) throw invalid(`Target Arn ${String(schedule.Target?.Arn)} is not a universal target`)
  if (!ROLE.test(schedule.Target?.RoleArn ?? '')) throw invalid(`RoleArn ${String(schedule.Target?.RoleArn)} is not a role ARN`)
  try {
    const input = JSON.parse(schedule.Target.Input ?? '') as { UserPoolId?: unknown; Username?: unknown; UserAttributes?: unknown }
    if (typeof input.UserPoolId !== 'string' || typeof input.Username !== 'string' || !Array.isArray(input.UserAttributes)) throw new Error()
  } catch {
    throw invalid('Target Input is not the JSON of an AdminUpdateUserAttributes request')
  }
  return { ...schedule, Name: name, GroupName: group }
}
