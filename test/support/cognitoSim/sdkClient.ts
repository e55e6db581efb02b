/**
 * The real SDK client pointed at a simulator, for tests that check the simulator's answers command by
 * command. maxAttempts 1, so every error reaches the test instead of being retried.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'

export function simSdkClient(sim: { endpoint: string }): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1
  })
}

/** The exception name a request was answered with, or 'ok'. */
export function outcomeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: Error) => error.name
  )
}

/** The exception a request was answered with, for its name and message; fails the test when there was none. */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message }
  }
  throw new Error('The request succeeded')
}
