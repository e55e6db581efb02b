/**
 * IAM's policy simulator for one principal, one action and one resource: how the doctor learns what a
 * request would be allowed to do without making it (the role's Cognito write; the operator's
 * CreateSchedule and PassRole, which no harmless request can try).
 */
import { SimulatePrincipalPolicyCommand, type ContextEntry, type IAMClient } from '@aws-sdk/client-iam'

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

export async function simulate(iam: IAMClient, principalArn: string, action: string, resourceArn: string, context: ContextEntry[] = []): Promise<Decision> {
  const output = await iam.send(
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: principalArn,
      ActionNames: [action],
      ResourceArns: [resourceArn],
      ...(context.length ? { ContextEntries: context } : {})
    })
  )
  const decisions = (output.EvaluationResults ?? []).map((result) => result.EvalDecision)
  if (decisions.includes('explicitDeny')) return 'explicitDeny'
  return decisions.length && decisions.every((decision) => decision === 'allowed') ? 'allowed' : 'implicitDeny'
}

export const decisionWords = (decision: Decision): string =>
  decision === 'explicitDeny' ? 'a policy denies it explicitly' : 'no policy allows it (implicit deny)'
