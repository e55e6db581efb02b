/**
 * A user's remembered devices (AdminListDevices, paged) and forgetting one (AdminForgetDevice): a
 * forgotten device is asked for MFA again where the pool challenges new devices, and no longer listed.
 */
import {
  AdminForgetDeviceCommand,
  AdminListDevicesCommand,
  type AdminListDevicesCommandOutput,
  type DeviceType
} from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { DevicesPage, UserDevice } from '../../shared/support'
import type { ServiceDeps } from '../app/deps'
import type { CognitoGateway } from '../cognito/gateway'
import { nameOf } from '../cognito/retryPolicy'
import { readBackPage } from './userPage'

/** AdminListDevices' largest page. */
const DEVICES_PAGE_SIZE = 60

export async function listDevices(gateway: CognitoGateway, username: string, nextToken?: string): Promise<DevicesPage> {
  const output = await gateway.send<AdminListDevicesCommandOutput>(
    new AdminListDevicesCommand({
      UserPoolId: gateway.userPoolId,
      Username: username,
      Limit: DEVICES_PAGE_SIZE,
      ...(nextToken ? { PaginationToken: nextToken } : {})
    })
  )
  return { devices: (output.Devices ?? []).map(toUserDevice), ...(output.PaginationToken ? { nextToken: output.PaginationToken } : {}) }
}

const iso = (date: Date | undefined): string | null => (date ? new Date(date).toISOString() : null)

function toUserDevice(device: DeviceType): UserDevice {
  const attribute = (name: string): string | undefined => device.DeviceAttributes?.find((a) => a.Name === name)?.Value
  return {
    key: device.DeviceKey ?? '',
    name: attribute('device_name') ?? null,
    remembered: attribute('dev:device_remembered_status') === 'remembered',
    lastIp: attribute('last_ip_used') ?? null,
    createdAt: iso(device.DeviceCreateDate),
    lastAuthenticatedAt: iso(device.DeviceLastAuthenticatedDate)
  }
}

export async function forgetDevice(deps: ServiceDeps, username: string, deviceKey: string): Promise<AccountActionResult> {
  const { gateway } = deps
  try {
    await gateway.send(new AdminForgetDeviceCommand({ UserPoolId: gateway.userPoolId, Username: username, DeviceKey: deviceKey }))
  } catch (error) {
    if (nameOf(error) === 'ResourceNotFoundException') {
      throw new AppError('VALIDATION', `${username} has no device ${deviceKey} (it may be forgotten already). Reload their devices.`, {
        deviceKey: 'No such device'
      })
    }
    throw error
  }
  return {
    username,
    message: `The device is forgotten: ${username} is no longer remembered on it, so signing in there is treated as a new device (asked for MFA where the pool requires it).`,
    ...(await readBackPage(deps, username))
  }
}
