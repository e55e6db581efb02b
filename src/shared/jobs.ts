/**
 * The life of a long job (a statistics scan, a bulk tier change, an import, an export), shared by main, the CLI and the
 * renderer: its states, which moves between them are allowed, and what each state lets the operator do.
 */
export const JOB_STATES = ['queued', 'running', 'pausing', 'paused', 'cancelling', 'cancelled', 'interrupted', 'failed', 'done'] as const
export type JobState = (typeof JOB_STATES)[number]

/**
 * The moves the engine makes. `interrupted` is what a job that was queued or running becomes when its
 * process stopped without saying so (a crash, a kill, a power cut); it is found at the next start.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['running', 'cancelled', 'interrupted'],
  running: ['pausing', 'cancelling', 'failed', 'done', 'interrupted'],
  pausing: ['paused', 'cancelling', 'failed', 'done', 'interrupted'],
  paused: ['queued', 'cancelled'],
  cancelling: ['cancelled', 'failed', 'done', 'interrupted'],
  cancelled: ['queued'],
  interrupted: ['queued', 'cancelled'],
  failed: ['queued', 'cancelled'],
  done: ['queued']
}

export function canMove(from: JobState, to: JobState): boolean {
  return JOB_TRANSITIONS[from].includes(to)
}

/** The job is doing work or about to: it holds its lock and counts time. */
export function isActive(state: JobState): boolean {
  return state === 'queued' || state === 'running' || state === 'pausing' || state === 'cancelling'
}

/** The job has stopped with work left that a start picks up where it stood. */
export function isResumable(state: JobState): boolean {
  return state === 'paused' || state === 'cancelled' || state === 'interrupted' || state === 'failed'
}
