/** Small, valid values of the shared types, each changed by the test only where it matters. */
import type { ConnectionInfo, PoolInfo, RegisterResult, ScanProgress, StatsResult } from '../../../src/shared/domain'
import type { JobUpdate } from '../../../src/shared/jobProgress'
import { useConnection } from '../../../src/renderer/src/stores/connectionStore'

export const POOL_ID = 'us-east-1_Test'

const figures = (total: number): ScanProgress['figures'] => ({
  total,
  tiers: { standard: total, premium: 0, none: 0, invalid: {} },
  statuses: { CONFIRMED: total },
  enabled: total,
  disabled: 0,
  weekly: []
})

export function scanProgress(overrides: Partial<ScanProgress> = {}): ScanProgress {
  return {
    state: 'running',
    mode: 'partitioned',
    pages: 2,
    users: 120,
    partitionsDone: 4,
    partitionsTotal: 16,
    rate: 60,
    etaSeconds: 30,
    startedAt: '2026-03-02T10:00:00.000Z',
    elapsedMs: 2_000,
    estimate: null,
    figures: figures(120),
    ...overrides
  }
}

export function statsResult(total: number, overrides: Partial<StatsResult> = {}): StatsResult {
  return { figures: figures(total), finishedAt: '2026-03-02T10:05:00.000Z', durationMs: 300_000, mode: 'partitioned', userPoolId: POOL_ID, ...overrides }
}

export function scanUpdate(progress: Partial<ScanProgress>, userPoolId = POOL_ID): JobUpdate {
  return { kind: 'stats-scan', jobId: 'job-1', userPoolId, progress: scanProgress(progress) }
}

export const poolInfo = (overrides: Partial<PoolInfo> = {}): PoolInfo => ({
  poolName: 'test-pool',
  customAttributes: ['user_tier', 'company'],
  attributeNames: ['email', 'given_name', 'family_name', 'locale', 'custom:user_tier', 'custom:company'],
  passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false },
  aliasAttributes: [],
  usernameAttributes: [],
  hasTierAttribute: true,
  schema: [
    { name: 'email', type: 'String', custom: false, mutable: true, required: false, maxLength: 2048 },
    { name: 'given_name', type: 'String', custom: false, mutable: true, required: false, maxLength: 2048 },
    { name: 'custom:user_tier', type: 'String', custom: true, mutable: true, required: false, maxLength: 256 }
  ],
  security: {
    mfaConfiguration: 'OFF',
    mfaMethods: [],
    threatProtection: 'OFF',
    temporaryPasswordValidityDays: 7,
    autoVerifiedAttributes: ['email'],
    keepOriginalUntilVerified: [],
    deviceTracking: 'off'
  },
  ...overrides
})

export const registered = (overrides: Partial<RegisterResult> = {}): RegisterResult => ({
  username: 'jane_doe',
  tier: 'standard',
  userSub: '0000-1111',
  confirmed: false,
  delivery: { destination: 'j***@example.com', medium: 'EMAIL', attribute: 'email' },
  ...overrides
})

/** The connection store as it is once the app has connected to POOL_ID and described it. */
export function connectTo(pool: PoolInfo = poolInfo()): void {
  const info: ConnectionInfo = { mode: 'sandbox', label: 'Sandbox', region: 'us-east-1', userPoolId: POOL_ID, clientId: 'client', hasClientSecret: false }
  useConnection.setState({ status: { state: 'connected', info }, pool })
}
