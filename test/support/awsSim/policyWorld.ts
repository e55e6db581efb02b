/**
 * The IAM side of the account the doctor's tier-return checks meet: the caller (an IAM user) and its
 * policies, the roles with their trust and permissions policies, and the schedule groups. Policies are
 * the JSON documents IAM stores, evaluated as IAM evaluates identity policies: an explicit Deny wins,
 * then any Allow whose Action, Resource and Condition (StringEquals, StringLike) all match, else an
 * implicit deny. Both simulated services ask it whether the caller may do what it asks.
 */
export type SimDecision = 'allowed' | 'explicitDeny' | 'implicitDeny'

export interface SimRole {
  name: string
  path: string
  /** The trust policy as JSON text (IAM hands it out URL-encoded). */
  trust: string
  /** Permissions policies as JSON text. */
  policies: string[]
}

interface Statement {
  Effect: 'Allow' | 'Deny'
  Action: string | string[]
  Resource: string | string[]
  Condition?: Record<string, Record<string, string | string[]>>
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])
const glob = (pattern: string, value: string, flags = '') =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    flags
  ).test(value)

export class SimAccessDenied extends Error {}

export class PolicyWorld {
  readonly account = '123456789012'
  readonly callerArn = `arn:aws:iam::${this.account}:user/operator`
  callerPolicies: string[] = []
  readonly roles = new Map<string, SimRole>()
  readonly groups = new Set<string>()
  /** Every request either service received, as "service:Action", in order. */
  readonly requests: string[] = []

  roleArn(role: Pick<SimRole, 'name' | 'path'>): string {
    return `arn:aws:iam::${this.account}:role${role.path}${role.name}`
  }

  addRole(role: Omit<SimRole, 'path'> & { path?: string }): string {
    const full = { path: '/', ...role }
    this.roles.set(role.name, full)
    return this.roleArn(full)
  }

  private policiesOf(principalArn: string): string[] | null {
    if (principalArn === this.callerArn) return this.callerPolicies
    const role = [...this.roles.values()].find((r) => this.roleArn(r) === principalArn)
    return role ? role.policies : null
  }

  /** IAM's decision for the principal; null for a principal the account does not have. */
  decide(principalArn: string, action: string, resource: string, context: Record<string, string[]> = {}): SimDecision | null {
    const policies = this.policiesOf(principalArn)
    if (!policies) return null
    const statements = policies.flatMap((text) => list((JSON.parse(text) as { Statement: Statement | Statement[] }).Statement))
    const applies = (s: Statement) =>
      list(s.Action).some((a) => glob(a, action, 'i')) && list(s.Resource).some((r) => glob(r, resource)) && conditionsHold(s.Condition, context)
    if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return 'explicitDeny'
    return statements.some((s) => s.Effect === 'Allow' && applies(s)) ? 'allowed' : 'implicitDeny'
  }

  /** The caller's request, refused as AWS refuses it unless the caller's policies allow it. */
  authorize(action: string, resource: string): void {
    this.requests.push(action)
    if (this.decide(this.callerArn, action, resource) !== 'allowed') {
      throw new SimAccessDenied(`User: ${this.callerArn} is not authorized to perform: ${action} on resource: ${resource}`)
    }
  }
}

function conditionsHold(condition: Statement['Condition'], context: Record<string, string[]>): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, wanted] of Object.entries(keys)) {
      const given = context[key] ?? []
      const like = operator === 'StringLike'
      if (operator !== 'StringEquals' && !like) return false
      if (!given.some((value) => list(wanted).some((w) => (like ? glob(w, value) : w === value)))) return false
    }
  }
  return true
}
