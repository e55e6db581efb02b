/**
 * The pool's groups and memberships: ListGroups, AdminListGroupsForUser (both paged by Limit ≤ 60
 * and NextToken), AdminAddUserToGroup and AdminRemoveUserFromGroup.
 */
import { SimError } from '../wire'
import type { PoolContext } from './context'
import { page } from './paging'
import type { SimGroupSeed } from './seeds'

interface StoredGroup extends SimGroupSeed {
  created: number
}

export class GroupStore {
  private readonly groups: StoredGroup[] = []

  constructor(
    private readonly userPoolId: string,
    seeds: SimGroupSeed[],
    now: number
  ) {
    for (const seed of seeds) this.groups.push({ ...seed, created: now })
  }

  /** Makes a group a user seed names but no group seed declares. */
  ensure(name: string, now: number): void {
    if (!this.groups.some((g) => g.GroupName === name)) this.groups.push({ GroupName: name, created: now })
  }

  names(): string[] {
    return this.groups.map((g) => g.GroupName)
  }

  list(body: Record<string, unknown>): Record<string, unknown> {
    const { items, token } = page(this.groups, body, { sizeField: 'Limit', tokenField: 'NextToken', scope: 'ListGroups' })
    return { Groups: items.map((g) => this.wire(g)), ...token }
  }

  listFor(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
    const user = ctx.users.get(body.Username)
    const mine = this.groups.filter((g) => user.groups.has(g.GroupName))
    const { items, token } = page(mine, body, { sizeField: 'Limit', tokenField: 'NextToken', scope: `AdminListGroupsForUser:${user.sub}` })
    return { Groups: items.map((g) => this.wire(g)), ...token }
  }

  add(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
    const user = ctx.users.get(body.Username)
    user.groups.add(this.get(body.GroupName).GroupName)
    return {}
  }

  remove(ctx: PoolContext, body: Record<string, unknown>): Record<string, unknown> {
    const user = ctx.users.get(body.Username)
    user.groups.delete(this.get(body.GroupName).GroupName)
    return {}
  }

  private get(name: unknown): StoredGroup {
    const group = this.groups.find((g) => g.GroupName === name)
    if (!group) throw new SimError('ResourceNotFoundException', 'Group not found.')
    return group
  }

  private wire(group: StoredGroup): Record<string, unknown> {
    return {
      GroupName: group.GroupName,
      UserPoolId: this.userPoolId,
      ...(group.Description !== undefined ? { Description: group.Description } : {}),
      ...(group.RoleArn !== undefined ? { RoleArn: group.RoleArn } : {}),
      ...(group.Precedence !== undefined ? { Precedence: group.Precedence } : {}),
      LastModifiedDate: group.created,
      CreationDate: group.created
    }
  }
}
