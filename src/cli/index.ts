#!/usr/bin/env node
import '../main/quietSdkNotices'
import { guardOutput } from './readerGone'
import { readSecret } from './secretPrompt'
import { runCli } from './run'

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk) => (data += chunk))
    process.stdin.on('end', () => resolve(data))
    process.stdin.on('error', reject)
  })
}

const stdout = guardOutput(process.stdout)
const stderr = guardOutput(process.stderr)

runCli(process.argv.slice(2), {
  out: stdout.line,
  err: stderr.line,
  stdout: stdout.stream,
  readStdin,
  ...(process.stdin.isTTY ? { readSecret } : {}),
  ...(process.stderr.isTTY ? { showSecret: (text: string) => process.stderr.write(text + '\n') } : {}),
  env: process.env
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    stderr.line(`Error (INTERNAL): ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
