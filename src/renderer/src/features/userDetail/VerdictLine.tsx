import type { FixAction, SignInVerdict } from '../../../../shared/support'
import { BusyButton } from '../../components/BusyButton'
import type { AccountAction } from './accountCalls'
import type { PageTab } from './userPageStore'

/** Each fix as the button beside the verdict reads. */
export const FIX_LABELS: Record<FixAction, string> = {
  enable: 'Enable',
  'confirm-with-code': 'Confirm with code…',
  'resend-code': 'Resend code',
  'admin-confirm': 'Confirm without code…',
  'resend-invite': 'Resend invitation…',
  'set-temporary-password': 'Set a temporary password',
  'set-password': 'Set a password',
  'mark-email-verified': 'Mark email verified…',
  'mark-phone-verified': 'Mark phone verified…',
  'reset-mfa': 'Reset MFA…',
  'review-events': 'Review sign-in events'
}

/** What a fix does: an account action (asked as its risk calls for), the code dialog, or a tab to open. */
export type FixStep = { run: AccountAction } | { dialog: 'confirmCode' } | { tab: PageTab; passwordMode?: 'temporary' | 'permanent' }

export const FIX_STEPS: Record<FixAction, FixStep> = {
  enable: { run: 'enable' },
  'confirm-with-code': { dialog: 'confirmCode' },
  'resend-code': { run: 'resendCode' },
  'admin-confirm': { run: 'adminConfirm' },
  'resend-invite': { run: 'resendInvite' },
  'set-temporary-password': { tab: 'security', passwordMode: 'temporary' },
  'set-password': { tab: 'security', passwordMode: 'permanent' },
  'mark-email-verified': { run: 'verifyEmail' },
  'mark-phone-verified': { run: 'verifyPhone' },
  'reset-mfa': { run: 'resetMfa' },
  'review-events': { tab: 'events' }
}

interface Props {
  verdict: SignInVerdict | undefined
  running: string | null
  onFix: (step: FixStep) => void
}

/** "Why can't this person sign in?", answered in one line, with what fixes it beside it. */
export function VerdictLine({ verdict, running, onFix }: Props) {
  if (!verdict) {
    return (
      <div className="user-verdict">
        <span className="text-body-secondary small">Reading whether they can sign in…</span>
      </div>
    )
  }
  const tone = verdict.canSignIn ? (verdict.reason === 'ok' || verdict.reason === 'external-provider' ? 'ok' : 'caution') : 'blocked'
  return (
    <div className={`user-verdict user-verdict-${tone}`} data-testid="sign-in-verdict" data-reason={verdict.reason}>
      <div className="user-verdict-text">
        <div className="fw-semibold">
          <span aria-hidden="true">{tone === 'ok' ? '✓ ' : tone === 'blocked' ? '✕ ' : '! '}</span>
          {verdict.headline}
        </div>
        {verdict.detail && <div className="small">{verdict.detail}</div>}
      </div>
      {verdict.fixes.length > 0 && (
        <div className="user-verdict-fixes" role="group" aria-label="Fix it">
          {verdict.fixes.map((fix, index) => {
            const step = FIX_STEPS[fix]
            const busy = 'run' in step && running === step.run
            return (
              <BusyButton
                key={fix}
                busy={busy}
                disabled={running !== null}
                className={`btn btn-sm ${index === 0 ? 'btn-primary' : 'btn-outline-primary'}`}
                onClick={() => onFix(step)}
              >
                {FIX_LABELS[fix]}
              </BusyButton>
            )
          })}
        </div>
      )}
    </div>
  )
}
