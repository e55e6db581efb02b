import type { AuditRowOutcome } from '../../../shared/audit'

/** A write's outcome in the operator's words, and the colour it shows in (a Bootstrap tone). */
export const OUTCOMES: Record<AuditRowOutcome, { label: string; tone: 'success' | 'danger' | 'warning'; title: string }> = {
  ok: { label: 'done', tone: 'success', title: 'Cognito applied it.' },
  failed: { label: 'failed', tone: 'danger', title: 'Cognito refused it; nothing changed.' },
  unknown: { label: 'outcome unknown', tone: 'warning', title: 'The answer was lost: look the user up to see whether it applied.' },
  pending: {
    label: 'no answer',
    tone: 'warning',
    title: 'The app stopped before Cognito answered: look the user up to see whether it applied.'
  }
}
