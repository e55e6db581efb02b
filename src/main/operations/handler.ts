/** The shape of the handler table: one handler per contract operation, taking its parsed request. */
import type { Operation, ParsedRequestOf, ResultOf } from '../../shared/contract'
import type { AppContext } from '../app/appContext'
import type { FrontEnd } from './frontEnd'
import type { ProductionGate } from './productionGate'
import type { SavedFiles } from './savedFiles'

export type Handler<K extends Operation> = (request: ParsedRequestOf<K>) => Promise<ResultOf<K>>
/** One handler per contract operation; a missing one is a compile error. */
export type Handlers = { [K in Operation]: Handler<K> }
/** A room's share of the table. */
export type HandlersOf<K extends Operation> = { [P in K]: Handler<P> }

/** What every handler may use: the connection's life cycle, the front end's dialogs, the production gate, and the files saved. */
export interface OperationContext {
  app: AppContext
  frontEnd: FrontEnd
  gate: ProductionGate
  savedFiles: SavedFiles
}
