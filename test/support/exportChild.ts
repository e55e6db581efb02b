/**
 * A process that exports a simulated pool until it is killed, or that holds its export running: the
 * stand-in for another window or the CLI exporting from the same data folder. Arguments: simulator
 * endpoint, pool id, data folder, target file.
 */
import { createExportService } from '../../src/main/export/exportService'
import { simGateway } from './cognitoSim'
import { serviceDeps } from './serviceDeps'

const [endpoint, userPoolId, dataDir, target] = process.argv.slice(2) as [string, string, string, string]
const deps = serviceDeps({ gateway: simGateway({ endpoint, userPoolId }, 30), dataDir, processLabel: 'the other process' })
const service = createExportService(deps, { partitionDigits: 1 })
void service.start({ format: 'csv', target }).then(() => service.settled())
