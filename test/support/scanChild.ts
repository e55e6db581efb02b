/**
 * A process that scans a simulated pool until it is killed: the stand-in for the app or the CLI
 * dying mid-scan. Arguments: endpoint, user pool id, data folder.
 */
import { createStatsService } from '../../src/main/stats/statsService'
import { simGateway } from './cognitoSim'
import { serviceDeps } from './serviceDeps'

const [endpoint, userPoolId, dataDir] = process.argv.slice(2) as [string, string, string]
const deps = serviceDeps({ gateway: simGateway({ endpoint, userPoolId }, 20), dataDir, processLabel: 'the doomed process' })
const service = createStatsService(deps, { partitionDigits: 1, concurrency: 2 })
void service.start().then(() => service.settled())
