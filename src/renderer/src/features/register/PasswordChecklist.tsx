import type { PasswordPolicy } from '../../../../shared/domain'
import { passwordRules } from '../../../../shared/passwordPolicy'

/** The pool's password rules, ticked off as the operator types; side by side, so the form stays short. */
export function PasswordChecklist({ password, policy }: { password: string; policy: PasswordPolicy }) {
  return (
    <ul className="list-unstyled small mb-0 d-flex flex-wrap column-gap-3" aria-label="Password rules">
      {passwordRules(password, policy).map((rule) => (
        <li key={rule.id} className={`text-nowrap ${rule.met ? 'text-success' : 'text-body-secondary'}`}>
          <span aria-hidden="true">{rule.met ? '✓' : '○'}</span> {rule.label}
          <span className="visually-hidden">{rule.met ? ' (met)' : ' (not met)'}</span>
        </li>
      ))}
    </ul>
  )
}
