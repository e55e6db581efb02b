import { spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')

/** A prompt to wait for, and what the person types at it (Enter is added). */
export interface TypedAnswer {
  after: RegExp
  type: string
}

export interface TerminalRun {
  code: number
  /** Everything the terminal showed (standard output and error together), lines ending in \n. */
  output: string
}

const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`

/**
 * Runs the real `tier-admin` bin at a terminal, as a person at one would: util-linux `script` gives it a
 * pseudo-terminal for standard input, output and error. Each answer is typed only once its prompt has
 * shown, after the CLI turned echo off, so what is typed is never echoed into the output by accident.
 */
export function runAtTerminal(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; answers?: TypedAnswer[] }): Promise<TerminalRun> {
  const command = [process.execPath, join(ROOT, 'bin/tier-admin.cjs'), ...args].map(shellQuote).join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], { env: options.env, cwd: options.cwd, stdio: 'pipe' })
    const pending = [...(options.answers ?? [])]
    let output = ''
    let answeredUpTo = 0
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const next = pending[0]
      if (next && next.after.test(output.slice(answeredUpTo))) {
        pending.shift()
        answeredUpTo = output.length
        child.stdin.write(`${next.type}\r`)
      }
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, output: output.replace(/\r\n/g, '\n') }))
  })
}
