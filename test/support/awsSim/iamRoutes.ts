/**
 * IAM's side of the simulator, in its awsQuery protocol as SDK v3 speaks it: a form-encoded POST
 * (Action=…&Version=2010-05-08, lists as Name.member.N), answered in XML as <Action>Response/
 * <Action>Result, errors as <ErrorResponse><Error><Code>. Only what the doctor asks: GetRole (the
 * trust policy URL-encoded, as IAM returns it) and SimulatePrincipalPolicy.
 */
import { randomUUID } from 'node:crypto'
import { PolicyWorld, SimAccessDenied } from './policyWorld'

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/'

export interface XmlAnswer {
  status: number
  body: string
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

const members = (form: URLSearchParams, prefix: string): string[] => {
  const values: string[] = []
  for (let n = 1; form.has(`${prefix}.member.${n}`); n++) values.push(form.get(`${prefix}.member.${n}`)!)
  return values
}

function ok(action: string, result: string): XmlAnswer {
  return {
    status: 200,
    body: `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  }
}

function error(status: number, code: string, message: string): XmlAnswer {
  return {
    status,
    body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  }
}

export function answerIam(world: PolicyWorld, body: string): XmlAnswer {
  const form = new URLSearchParams(body)
  const action = form.get('Action') ?? ''
  try {
    if (action === 'GetRole') return getRole(world, form.get('RoleName') ?? '')
    if (action === 'SimulatePrincipalPolicy') return simulatePrincipalPolicy(world, form)
    return error(400, 'InvalidAction', `The simulator does not implement ${action}`)
  } catch (failure) {
    if (failure instanceof SimAccessDenied) return error(403, 'AccessDenied', failure.message)
    throw failure
  }
}

function getRole(world: PolicyWorld, name: string): XmlAnswer {
  const role = world.roles.get(name)
  // IAM authorizes before it looks: a role the caller may not read is refused whether or not it exists.
  world.authorize('iam:GetRole', role ? world.roleArn(role) : `arn:aws:iam::${world.account}:role/${name}`)
  if (!role) return error(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`)
  const xml =
    `<Role><Path>${role.path}</Path><RoleName>${role.name}</RoleName><RoleId>AROA${name.length}SIMULATED</RoleId>` +
    `<Arn>${world.roleArn(role)}</Arn><CreateDate>2026-01-02T03:04:05Z</CreateDate>` +
    `<AssumeRolePolicyDocument>${escapeXml(encodeURIComponent(role.trust))}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role>`
  return ok('GetRole', xml)
}

function simulatePrincipalPolicy(world: PolicyWorld, form: URLSearchParams): XmlAnswer {
  const principal = form.get('PolicySourceArn') ?? ''
  world.authorize('iam:SimulatePrincipalPolicy', principal)
  const context: Record<string, string[]> = {}
  for (let n = 1; form.has(`ContextEntries.member.${n}.ContextKeyName`); n++) {
    context[form.get(`ContextEntries.member.${n}.ContextKeyName`)!] = members(form, `ContextEntries.member.${n}.ContextKeyValues`)
  }
  const results: string[] = []
  for (const action of members(form, 'ActionNames')) {
    for (const resource of members(form, 'ResourceArns')) {
      const decision = world.decide(principal, action, resource, context)
      if (decision === null) return error(404, 'NoSuchEntity', `Could not find principal ${principal}.`)
      results.push(
        `<member><EvalActionName>${action}</EvalActionName><EvalResourceName>${escapeXml(resource)}</EvalResourceName>` +
          `<EvalDecision>${decision}</EvalDecision><MatchedStatements/><MissingContextValues/></member>`
      )
    }
  }
  return ok('SimulatePrincipalPolicy', `<IsTruncated>false</IsTruncated><EvaluationResults>${results.join('')}</EvaluationResults>`)
}
