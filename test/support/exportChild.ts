/**
 * A process that exports a simulated pool until it is killed, or that holds its export running: the
 * stand-in for another window or the CLI exporting from the same data folder. Arguments: simulator
 * endpoint, pool id, exports folder, target file.
 */
import { createExportService } from '../../src/main/export/exportService'
import { PoolSchemaService } from '../../src/main/services/poolSchema'
import { simGateway } from './cognitoSim'

const [endpoint, userPoolId, exportsDir, target] = process.argv.slice(2) as [string, string, string, string]
const gateway = simGateway({ endpoint, userPoolId }, 30)
const service = createExportService({ gateway, schema: new PoolSchemaService(gateway), exportsDir, partitionDigits: 1, processLabel: 'the other process' })
void service.start({ format: 'csv', path: target }).then(() => service.settled())
