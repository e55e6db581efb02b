import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'

/**
 * An SDK-level fake: stands in for the client's send() so tests can see the exact commands the app
 * builds and script Cognito's answers, for behaviours cognito-local does not have (secret hash
 * checks, throttling, the real password policy).
 */
export function fakeCognitoClient(answer: (commandName: string, input: Record<string, unknown>, call: number) => unknown) {
  const sent: { name: string; input: Record<string, unknown> }[] = []
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name.replace(/Command$/, '')
      sent.push({ name, input: command.input })
      const result = answer(name, command.input, sent.length)
      if (result instanceof Error) throw result
      return result
    }
  }
  return { client: client as unknown as CognitoIdentityProviderClient, sent }
}

export function cognitoException(name: string, message = name): Error {
  const error = new Error(message)
  error.name = name
  return error
}
