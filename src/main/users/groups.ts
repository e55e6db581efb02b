/** A user's groups and the pool's groups, and adding or removing the user. */
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  ListGroupsCommand,
  type AdminListGroupsForUserCommandOutput,
  type GroupType,
  type ListGroupsCommandOutput
} from '@aws-sdk/client-cognito-identity-provider'
import type { GroupInfo, UserGroups } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { quoted } from '../../shared/display'
import type { CognitoGateway } from '../cognito/gateway'

/** Both operations return at most 60 groups a page. */
const GROUPS_PAGE = 60

const toInfo = (group: GroupType): GroupInfo => ({ name: group.GroupName ?? '', ...(group.Description ? { description: group.Description } : {}) })

async function allPages(fetch: (token?: string) => Promise<{ Groups?: GroupType[]; NextToken?: string }>): Promise<GroupInfo[]> {
  const groups: GroupInfo[] = []
  let token: string | undefined
  do {
    const page = await fetch(token)
    groups.push(...(page.Groups ?? []).map(toInfo))
    token = page.NextToken || undefined
  } while (token)
  return groups.sort((a, b) => a.name.localeCompare(b.name))
}

export async function userGroups(gateway: CognitoGateway, username: string): Promise<UserGroups> {
  const [member, pool] = await Promise.all([
    allPages((token) =>
      gateway.send<AdminListGroupsForUserCommandOutput>(
        new AdminListGroupsForUserCommand({ UserPoolId: gateway.userPoolId, Username: username, Limit: GROUPS_PAGE, ...(token ? { NextToken: token } : {}) })
      )
    ),
    allPages((token) =>
      gateway.send<ListGroupsCommandOutput>(
        new ListGroupsCommand({ UserPoolId: gateway.userPoolId, Limit: GROUPS_PAGE, ...(token ? { NextToken: token } : {}) })
      )
    )
  ])
  const names = new Set(member.map((group) => group.name))
  return { username, member, available: pool.filter((group) => !names.has(group.name)) }
}

export async function addToGroup(gateway: CognitoGateway, username: string, group: string): Promise<UserGroups> {
  const before = await userGroups(gateway, username)
  if (before.member.some((g) => g.name === group)) return before
  if (!before.available.some((g) => g.name === group)) {
    throw new AppError('GROUP_NOT_FOUND', `This pool has no group ${quoted(group)}. Pick one of the pool's groups, or create it in the Cognito console first.`)
  }
  await gateway.send(new AdminAddUserToGroupCommand({ UserPoolId: gateway.userPoolId, Username: username, GroupName: group }))
  return userGroups(gateway, username)
}

export async function removeFromGroup(gateway: CognitoGateway, username: string, group: string): Promise<UserGroups> {
  const before = await userGroups(gateway, username)
  if (!before.member.some((g) => g.name === group)) return before
  await gateway.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: gateway.userPoolId, Username: username, GroupName: group }))
  return userGroups(gateway, username)
}
