/**
 * A process that registers one user on the simulator, its audit trail in a file, until it is killed:
 * the stand-in for the app dying between SignUp and the tier. Arguments: trail file, then the
 * simulator's endpoint, pool, client and secret, then the username and tier.
 */
import { FileAuditLog } from '../../src/main/audit/auditLog'
import { PoolSchemaService } from '../../src/main/cognito/poolSchema'
import { registerUser } from '../../src/main/registration/registration'
import { simConnection } from './simConnection'

const [trail, endpoint, userPoolId, clientId, clientSecret, username, tier] = process.argv.slice(2) as string[]
const connection = simConnection({ endpoint, userPoolId, clientId, clientSecret }, new FileAuditLog(trail))
void registerUser(connection, new PoolSchemaService(connection.gateway), {
  username,
  email: `${username}@example.com`,
  password: 'Secure#Pass123',
  tier
})
