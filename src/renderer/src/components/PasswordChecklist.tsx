import type { PasswordPolicy } from '../../../shared/domain'
import { passwordRules } from '../../../shared/passwordPolicy'

/** The pool's password rules, ticked off as the operator types. */
export function PasswordChecklist({ password, policy }: { password: string; policy: PasswordPolicy }) {
  return (
    <ul className="list-unstyled small mb-0" aria-label="Password rules">
      {passwordRules(password, policy).map((rule) => (
        <li key={rule.id} className={rule.met ? 'text-success' : 'text-muted'}>
          <span aria-hidden="true">{rule.met ? '✓' : '○'}</span> {rule.label}
          <span className="visually-hidden">{rule.met ? ' (met)' : ' (not met)'}</span>
        </li>
      ))}
    </ul>
  )
}
