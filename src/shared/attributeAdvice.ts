/**
 * What to tell an operator whose pool lacks a custom attribute. One wording for the form, the
 * connection bar, the CLI and the error mapping, so the console path is right (or wrong) once.
 */
import { TIER_ATTRIBUTE } from './tiers'

/** Where in the Cognito console custom attributes are added, e.g. for "company, role". */
export function addCustomAttributeSteps(bareNames: string): string {
  return `Cognito console: User pool → Sign-up → Custom attributes → Add: ${bareNames}, type String, mutable`
}

/** Why a pool without the tier attribute cannot be used for registration or tier changes. */
export const TIER_ATTRIBUTE_MISSING = `This pool has no ${TIER_ATTRIBUTE} attribute, so users cannot be given a tier: registration and tier changes are refused. Add it (${addCustomAttributeSteps('user_tier')}).`
