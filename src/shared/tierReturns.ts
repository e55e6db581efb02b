/** Tier returns ("premium until a date"): the EventBridge Scheduler schedule group that holds this app's one-time returns. */
export const TIER_RETURN_GROUP = 'tier-admin-tier-returns'
