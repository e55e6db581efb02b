/**
 * A loopback stand-in for the AWS services the doctor's tier-return checks ask beside Cognito: IAM
 * (awsQuery: POST / with a form body) and EventBridge Scheduler (restJson1: paths under /schedules
 * and /schedule-groups), on one port, over one PolicyWorld that both authorize against.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { IAMClient } from '@aws-sdk/client-iam'
import { SchedulerClient } from '@aws-sdk/client-scheduler'
import type { DoctorAws } from '../../../src/main/doctor/target'
import { answerIam } from './iamRoutes'
import { PolicyWorld } from './policyWorld'
import { answerScheduler } from './schedulerProbeRoutes'

export { PolicyWorld } from './policyWorld'

export interface AwsSim {
  endpoint: string
  world: PolicyWorld
  /** Scheduler and IAM clients on the simulator, as the doctor's target opens them. */
  clients(): DoctorAws
  stop(): Promise<void>
}

export async function startAwsSim(world = new PolicyWorld()): Promise<AwsSim> {
  const server = createServer((req, res) => void handle(world, req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const options = { region: 'eu-west-1', endpoint, credentials: { accessKeyId: 'AKIASIM', secretAccessKey: 'sim' }, maxAttempts: 1 }
  return {
    endpoint,
    world,
    clients: () => {
      const scheduler = new SchedulerClient(options)
      const iam = new IAMClient(options)
      return { scheduler, iam, close: () => (scheduler.destroy(), iam.destroy()) }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

async function handle(world: PolicyWorld, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks).toString('utf8')
  const url = new URL(req.url ?? '/', 'http://sim')
  if (req.method === 'POST' && url.pathname === '/' && /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
    const answer = answerIam(world, body)
    res.writeHead(answer.status, { 'content-type': 'text/xml' }).end(answer.body)
    return
  }
  const answer = answerScheduler(world, req.method ?? 'GET', url, body)
  res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.type ? { 'x-amzn-errortype': answer.type } : {}) })
  res.end(JSON.stringify(answer.body))
}
