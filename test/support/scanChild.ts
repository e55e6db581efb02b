/**
 * A process that scans a simulated pool until it is killed: the stand-in for the app or the CLI
 * dying mid-scan. Arguments: endpoint, user pool id, state folder.
 */
import { createStatsService } from '../../src/main/stats/statsService'
import { simGateway } from './cognitoSim'

const [endpoint, userPoolId, stateDir] = process.argv.slice(2) as [string, string, string]
const service = createStatsService({
  gateway: simGateway({ endpoint, userPoolId }, 20),
  stateDir,
  partitionDigits: 1,
  concurrency: 2,
  processLabel: 'the doomed process'
})
void service.start().then(() => service.settled())
