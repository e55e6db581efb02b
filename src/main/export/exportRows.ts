/**
 * One exported user as a CSV row or a JSON line, every attribute included.
 *
 * The CSV header is fixed before the first page from the pool's schema (DescribeUserPool), so the file
 * is written in one pass with nothing held back. A user's attributes that the schema does not name
 * (cognito-local, the sandbox, does not enforce it) go to the last column, `other_attributes`, as JSON:
 * nothing is lost and the header never has to change after rows were written.
 */
import type { UserType } from '@aws-sdk/client-cognito-identity-provider'
import type { ExportFormat } from '../../shared/jobProgress'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { csvRow } from '../storage/csv'

const FIXED_COLUMNS = ['username', 'sub', 'email', 'email_verified', 'status', 'enabled', 'created', 'modified', 'tier'] as const
/** Attributes shown in a fixed column rather than among the others. */
const IN_FIXED = new Set(['sub', 'email', 'email_verified', TIER_ATTRIBUTE])

const iso = (date: Date | undefined): string | null => (date === undefined ? null : new Date(date).toISOString())

/** The shape of each exported user, from the pool's attribute names. */
export class ExportColumns {
  /** The pool's other attributes, each a CSV column, in a stable order. */
  readonly attributes: string[]
  private readonly named: Set<string>

  constructor(
    readonly format: ExportFormat,
    schemaAttributeNames: readonly string[]
  ) {
    this.attributes = [...new Set(schemaAttributeNames)].filter((name) => !IN_FIXED.has(name)).sort()
    this.named = new Set(this.attributes)
  }

  /** What starts the file: the CSV header line, nothing for JSON lines. */
  header(): string {
    return this.format === 'csv' ? csvRow([...FIXED_COLUMNS, ...this.attributes, 'other_attributes']) + '\r\n' : ''
  }

  /** One user, line ending included. */
  line(user: UserType): string {
    const values = new Map((user.Attributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']))
    const verified = values.get('email_verified')
    const fixed = {
      username: user.Username ?? '',
      sub: values.get('sub') ?? null,
      email: values.get('email') ?? null,
      email_verified: verified === undefined ? null : verified === 'true',
      status: user.UserStatus ?? null,
      enabled: user.Enabled !== false,
      created: iso(user.UserCreateDate),
      modified: iso(user.UserLastModifiedDate),
      // The raw value, as stored: an invalid or missing tier is exported as it is, not mapped.
      tier: values.get(TIER_ATTRIBUTE) ?? null
    }
    const others: Record<string, string> = {}
    for (const [name, value] of values) if (!IN_FIXED.has(name)) others[name] = value
    if (this.format === 'jsonl') return JSON.stringify({ ...fixed, attributes: others }) + '\n'
    const unnamed = Object.entries(others).filter(([name]) => !this.named.has(name))
    const cells = [
      ...Object.values(fixed).map((value) => (value === null ? '' : String(value))),
      ...this.attributes.map((name) => others[name] ?? ''),
      unnamed.length ? JSON.stringify(Object.fromEntries(unnamed)) : ''
    ]
    return csvRow(cells) + '\r\n'
  }
}
