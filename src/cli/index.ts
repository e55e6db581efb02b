#!/usr/bin/env node
import '../main/quietSdkNotices'
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

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  stdout: process.stdout,
  readStdin,
  ...(process.stdin.isTTY ? { readSecret } : {}),
  ...(process.stderr.isTTY ? { showSecret: (text: string) => process.stderr.write(text + '\n') } : {}),
  env: process.env
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Error (INTERNAL): ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
)
