import { spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** The environment a user's shell would give the CLI, minus any pool configuration of this machine. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('COGNITO_') && !key.startsWith('TIER_ADMIN_')) env[key] = value
  }
  return { ...env, ...extra }
}

/** Runs the real `tier-admin` bin in a child process, as a user would. */
export function runTierAdmin(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; stdin?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/tier-admin.cjs'), ...args], { env: options.env, cwd: options.cwd, stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}
