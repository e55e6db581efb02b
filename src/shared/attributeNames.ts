/**
 * How Cognito names a pool's own attributes: "custom:" before the name they were given. The operator
 * types them bare ("company"); the forms, main's services and the pool description add and strip the
 * prefix here, and standard attributes (given_name, locale …) go under their own names.
 */
export const CUSTOM_PREFIX = 'custom:'

/** "custom:company" → true; "company" and "given_name" → false. */
export function isCustomName(name: string): boolean {
  return name.trim().startsWith(CUSTOM_PREFIX)
}

/** "custom:company" and "company" → "company". */
export function bareAttributeName(name: string): string {
  const trimmed = name.trim()
  return isCustomName(trimmed) ? trimmed.slice(CUSTOM_PREFIX.length) : trimmed
}

/** "company" and "custom:company" → "custom:company". */
export function customAttributeName(name: string): string {
  return `${CUSTOM_PREFIX}${bareAttributeName(name)}`
}

/**
 * The name as the pool knows the attribute the operator typed: a standard one as typed, any other as a
 * custom one. Which names are standard is the caller's knowledge (a fixed list, or the pool's schema).
 */
export function attributeNameInPool(name: string, isStandard: (name: string) => boolean): string {
  const trimmed = name.trim()
  return !isCustomName(trimmed) && isStandard(trimmed) ? trimmed : customAttributeName(trimmed)
}
