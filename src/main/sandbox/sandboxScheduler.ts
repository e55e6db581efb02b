/**
 * The sandbox's EventBridge Scheduler: the REST API the app's Scheduler client sends (CreateSchedule,
 * UpdateSchedule, GetSchedule, DeleteSchedule, ListSchedules, CreateScheduleGroup) on the emulator's
 * endpoint, with the schedules kept in `schedules.json` in the sandbox folder (replaced atomically, so
 * a crash keeps the last saved state). It checks what Scheduler checks of a one-time universal-target
 * schedule; running the due ones is sandboxReturns.ts's.
 */
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { writeFileAtomic } from '../storage/privateFiles'
import { readStoreFile } from './durableStore'

export interface StoredSchedule {
  Name: string
  GroupName: string
  ScheduleExpression: string
  ScheduleExpressionTimezone?: string
  FlexibleTimeWindow: { Mode: string }
  ActionAfterCompletion?: string
  Description?: string
  State?: string
  Target: { Arn: string; RoleArn: string; Input?: string }
  CreationDate: string
}

interface StoreFile {
  groups: string[]
  schedules: Record<string, StoredSchedule>
}

export const SCHEDULES_FILE = 'schedules.json'

class ScheduleError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/
const AT = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/
const ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/
const UNIVERSAL = /^arn:aws:scheduler:::aws-sdk:[a-z]+:[a-zA-Z]+$/
const invalid = (message: string): ScheduleError => new ScheduleError(400, 'ValidationException', message)
const notFound = (message: string): ScheduleError => new ScheduleError(404, 'ResourceNotFoundException', message)

/** When a stored one-time schedule runs (its `at` in UTC); null when it is not one. */
export function dueAt(schedule: StoredSchedule): number | null {
  const match = AT.exec(schedule.ScheduleExpression)
  return match && (schedule.ScheduleExpressionTimezone ?? 'UTC') === 'UTC' ? Date.parse(`${match[1]}Z`) : null
}

export class SandboxSchedules {
  private saving: Promise<void> = Promise.resolve()

  private constructor(
    private readonly path: string,
    private data: StoreFile,
    /** Told after every change, so the runner can look at the next due time again. */
    private readonly onChange: () => void
  ) {}

  /** The store of the sandbox folder; a damaged file stops the sandbox's start rather than losing schedules. */
  static async open(dir: string, onChange: () => void): Promise<SandboxSchedules> {
    const path = join(dir, SCHEDULES_FILE)
    const data = existsSync(path) ? ((await readStoreFile(path)) as unknown as StoreFile) : { groups: ['default'], schedules: {} }
    return new SandboxSchedules(path, { groups: data.groups ?? ['default'], schedules: data.schedules ?? {} }, onChange)
  }

  all(): StoredSchedule[] {
    return Object.values(this.data.schedules)
  }

  /** Removes a schedule (after it ran: ActionAfterCompletion DELETE), saved before it resolves. */
  async remove(schedule: StoredSchedule): Promise<void> {
    delete this.data.schedules[`${schedule.GroupName}/${schedule.Name}`]
    await this.save()
  }

  owns(url: string | undefined): boolean {
    return /^\/(schedules|schedule-groups)(\/|\?|$)/.test(url ?? '')
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    let status = 200
    let payload: Record<string, unknown>
    try {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: Record<string, unknown>
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
      } catch {
        throw invalid('The request body is not JSON')
      }
      payload = await this.answer(request.method ?? 'GET', new URL(request.url ?? '/', 'http://sandbox'), body)
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error
      status = error.status
      payload = { Message: error.message }
      response.setHeader('x-amzn-errortype', error.type)
    }
    const text = JSON.stringify(payload)
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    response.end(text)
  }

  private async answer(method: string, url: URL, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const [, collection, encoded] = url.pathname.split('/')
    const name = encoded === undefined ? undefined : decodeURIComponent(encoded)
    if (collection === 'schedule-groups' && method === 'POST' && name) return this.createGroup(name)
    if (collection !== 'schedules') throw notFound(`No such path ${url.pathname}`)
    if (!name && method === 'GET') return this.list(url.searchParams)
    if (!name || !NAME.test(name)) throw invalid('A schedule name is 1-64 characters of [0-9a-zA-Z-_.]')
    const group = method === 'POST' || method === 'PUT' ? String(body.GroupName ?? 'default') : (url.searchParams.get('groupName') ?? 'default')
    if (!this.data.groups.includes(group)) throw notFound(`Schedule group ${group} does not exist.`)
    const key = `${group}/${name}`
    const existing = this.data.schedules[key]
    if (method === 'POST' && existing) throw new ScheduleError(409, 'ConflictException', `Schedule ${name} already exists.`)
    if (method !== 'POST' && !existing) throw notFound(`Schedule ${name} does not exist.`)
    const arn = `arn:aws:scheduler:us-east-1:000000000000:schedule/${key}`
    if (method === 'GET') return { ...existing, Arn: arn, CreationDate: new Date(existing!.CreationDate).getTime() / 1000 }
    if (method === 'DELETE') {
      delete this.data.schedules[key]
    } else {
      this.data.schedules[key] = { ...checked(body), Name: name, GroupName: group, CreationDate: existing?.CreationDate ?? new Date().toISOString() }
    }
    await this.save()
    return method === 'DELETE' ? {} : { ScheduleArn: arn }
  }

  private async createGroup(name: string): Promise<Record<string, unknown>> {
    if (!NAME.test(name)) throw invalid('A group name is 1-64 characters of [0-9a-zA-Z-_.]')
    if (this.data.groups.includes(name)) throw new ScheduleError(409, 'ConflictException', `Schedule group ${name} already exists.`)
    this.data.groups.push(name)
    await this.save()
    return { ScheduleGroupArn: `arn:aws:scheduler:us-east-1:000000000000:schedule-group/${name}` }
  }

  private list(query: URLSearchParams): Record<string, unknown> {
    const group = query.get('ScheduleGroup')
    if (group && !this.data.groups.includes(group)) throw notFound(`Schedule group ${group} does not exist.`)
    const prefix = query.get('NamePrefix') ?? ''
    const max = Number(query.get('MaxResults') ?? 100)
    if (!Number.isInteger(max) || max < 1 || max > 100) throw invalid('MaxResults is 1 to 100')
    const start = Number(query.get('NextToken') ?? 0) || 0
    const all = this.all().filter((s) => (!group || s.GroupName === group) && s.Name.startsWith(prefix))
    return {
      Schedules: all
        .slice(start, start + max)
        .map((s) => ({ Name: s.Name, GroupName: s.GroupName, State: s.State ?? 'ENABLED', Target: { Arn: s.Target.Arn } })),
      ...(start + max < all.length ? { NextToken: String(start + max) } : {})
    }
  }

  /** One save at a time, each of the whole store; a failed save fails the request that asked for it. */
  private save(): Promise<void> {
    const text = JSON.stringify(this.data)
    this.saving = this.saving.catch(() => undefined).then(() => writeFileAtomic(this.path, text))
    return this.saving.then(() => this.onChange())
  }
}

/** What Scheduler refuses in a CreateSchedule or UpdateSchedule of a one-time universal-target schedule. */
function checked(body: Record<string, unknown>): Omit<StoredSchedule, 'Name' | 'GroupName' | 'CreationDate'> {
  const schedule = body as unknown as StoredSchedule
  if (typeof schedule.ScheduleExpression !== 'string' || !AT.test(schedule.ScheduleExpression)) throw invalid('Invalid Schedule Expression')
  if ((schedule.ScheduleExpressionTimezone ?? 'UTC') !== 'UTC') throw invalid('The sandbox keeps schedules in UTC only')
  if (!['OFF', 'FLEXIBLE'].includes(schedule.FlexibleTimeWindow?.Mode)) throw invalid('FlexibleTimeWindow.Mode is required')
  if (!UNIVERSAL.test(schedule.Target?.Arn ?? '')) throw invalid('Target Arn is not a universal target')
  if (!ROLE.test(schedule.Target?.RoleArn ?? '')) throw invalid('Target RoleArn is not a role ARN')
  const { ScheduleExpression, ScheduleExpressionTimezone, FlexibleTimeWindow, ActionAfterCompletion, Description, State, Target } = schedule
  return {
    ScheduleExpression,
    FlexibleTimeWindow,
    Target: { Arn: Target.Arn, RoleArn: Target.RoleArn, ...(Target.Input !== undefined ? { Input: String(Target.Input) } : {}) },
    ...(ScheduleExpressionTimezone ? { ScheduleExpressionTimezone } : {}),
    ...(ActionAfterCompletion ? { ActionAfterCompletion } : {}),
    ...(Description ? { Description } : {}),
    ...(State ? { State } : {})
  }
}
