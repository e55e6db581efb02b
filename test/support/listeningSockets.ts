/**
 * Which processes listen on a TCP port right now, from /proc (Linux): how the tests see that only one
 * process runs the sandbox emulator at a time, without asking the processes themselves.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

const LISTEN = '0A'

function listeningInodes(): Set<string> {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      if (fields[3] === LISTEN) inodes.add(fields[9])
    }
  }
  return inodes
}

function socketInodesOf(pid: number): string[] {
  const inodes: string[] = []
  let fds: string[] = []
  try {
    fds = readdirSync(`/proc/${pid}/fd`)
  } catch {
    return inodes // exited
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
      if (match) inodes.push(match[1])
    } catch {
      // closed meanwhile
    }
  }
  return inodes
}

/** The processes among `pids` that hold a listening TCP socket now. */
export function pidsListening(pids: number[]): number[] {
  const listening = listeningInodes()
  return pids.filter((pid) => socketInodesOf(pid).some((inode) => listening.has(inode)))
}

/** Samples `pidsListening` every few milliseconds until stopped: the most at once and every one seen. */
export function watchListeners(pids: () => number[], intervalMs = 20): { stop: () => { maxAtOnce: number; seen: Set<number>; samples: number } } {
  let maxAtOnce = 0
  let samples = 0
  const seen = new Set<number>()
  const timer = setInterval(() => {
    const now = pidsListening(pids())
    samples++
    maxAtOnce = Math.max(maxAtOnce, now.length)
    for (const pid of now) seen.add(pid)
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return { maxAtOnce, seen, samples }
    }
  }
}
