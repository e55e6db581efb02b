import type { JobUpdate } from '../../shared/jobProgress'
import type { AppContext } from '../appContext'

/**
 * Sends every job update to the window as the contract's `jobUpdate` event: the app's window and the
 * Chromium harness both go through here, so the page hears exactly what the app would tell it.
 * Returns the unsubscribe.
 */
export function forwardJobUpdates(app: Pick<AppContext, 'jobUpdates'>, send: (update: JobUpdate) => void): () => void {
  return app.jobUpdates.subscribe(send)
}
