/**
 * What Cognito's ListUsers filter can search: these standard attributes only (custom attributes, the
 * tier among them, cannot be filtered on), each with `=` (exact) or `^=` (starts with).
 */
export const SEARCH_FIELDS = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'sub',
  'cognito:user_status',
  'status'
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]
export type SearchMatch = 'prefix' | 'exact'

/** A whole email address as the one find box and a ticket link recognise it. */
export const EMAIL_FORM = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** A sub: Cognito's user ID, a UUID. */
export const SUB_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How each field reads in a field selector. */
export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  username: 'Username',
  email: 'Email',
  phone_number: 'Phone number',
  name: 'Name',
  given_name: 'Given name',
  family_name: 'Family name',
  preferred_username: 'Preferred username',
  sub: 'Sub (user ID)',
  'cognito:user_status': 'Account status',
  status: 'Enabled / disabled'
}

/**
 * Fields searched by exact value only: `sub` is an ID (AWS documents no prefix search on it), and
 * `status` takes exactly "Enabled" or "Disabled".
 */
export const EXACT_ONLY_FIELDS: readonly SearchField[] = ['sub', 'status']

export function allowedMatch(field: SearchField, match: SearchMatch): SearchMatch {
  return EXACT_ONLY_FIELDS.includes(field) ? 'exact' : match
}

/** Cognito compares the account status without regard to case, every other field case by case. */
export function caseNote(field: SearchField): string {
  return field === 'cognito:user_status'
    ? 'Cognito ignores upper and lower case for the account status (for example CONFIRMED or unconfirmed).'
    : `Cognito matches ${SEARCH_FIELD_LABELS[field].toLowerCase()} case-sensitively: "Jane" does not find "jane".`
}

/** Example values for the search box's placeholder. */
export const SEARCH_FIELD_EXAMPLES: Record<SearchField, string> = {
  username: 'jane_',
  email: 'jane@example.com',
  phone_number: '+4477',
  name: 'Jane',
  given_name: 'Jane',
  family_name: 'Doe',
  preferred_username: 'jane',
  sub: 'a1b2c3d4-…',
  'cognito:user_status': 'UNCONFIRMED',
  status: 'Enabled or Disabled'
}
