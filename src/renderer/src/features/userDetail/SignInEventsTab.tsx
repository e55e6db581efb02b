import type { AppErrorShape } from '../../../../shared/errors'
import type { SignInEvent } from '../../../../shared/support'
import { BusyButton } from '../../components/BusyButton'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatShortTime } from '../../lib/format'
import { SpotResult } from './SpotResult'
import type { SpotError, SpotNotice, usePageTabs } from './userPageStore'

interface Props {
  username: string
  events: ReturnType<typeof usePageTabs.getState>['events']
  loadError: AppErrorShape | null
  loadingMore: boolean
  busy: string | null
  notice: SpotNotice | null
  error: SpotError | null
  onFeedback: (event: SignInEvent, feedback: 'Valid' | 'Invalid') => void
  onMore: () => void
}

function where(event: SignInEvent): string {
  const place = [event.where.city, event.where.country].filter(Boolean).join(', ')
  return [event.where.ip, place, event.where.device].filter(Boolean).join(' · ') || '—'
}

function risk(event: SignInEvent): string {
  const parts = [event.risk.decision, event.risk.level].filter(Boolean).join(', ')
  return `${parts || '—'}${event.risk.compromisedCredentials ? ' · compromised credentials' : ''}`
}

/**
 * The sign-ins threat protection recorded for this person, newest first, each markable as valid or not
 * (which teaches the pool's risk model). A pool that records none says so calmly, with what turns it on.
 */
export function SignInEventsTab({ username, events, loadError, loadingMore, busy, notice, error, onFeedback, onMore }: Props) {
  if (loadError) return <ErrorAlert error={loadError} />
  if (!events) return <p className="small text-body-secondary mb-0">Reading sign-in events…</p>
  if (!events.recorded) {
    return (
      <p className="small mb-0 user-events-none" role="note">
        {events.why}
      </p>
    )
  }
  return (
    <div>
      {events.items.length === 0 ? (
        <p className="small text-body-secondary mb-0">No sign-in events recorded for {username}.</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm small mb-1 user-events" aria-label="Sign-in events">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Risk</th>
                <th scope="col">From</th>
                <th scope="col">Challenges</th>
                <th scope="col">Valid?</th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((event) => (
                <tr key={event.id}>
                  <td className="text-nowrap" title={event.at}>
                    {formatShortTime(event.at)}
                  </td>
                  <td>
                    {event.type}
                    <div className={event.outcome === 'Fail' ? 'text-danger-emphasis' : 'text-body-secondary'}>{event.outcome}</div>
                  </td>
                  <td>{risk(event)}</td>
                  <td className="text-break">{where(event)}</td>
                  <td>{event.challenges.join(', ') || '—'}</td>
                  <td className="text-nowrap">
                    {event.feedback && <div>{event.feedback === 'Valid' ? 'Marked valid' : 'Marked not valid'}</div>}
                    {(['Valid', 'Invalid'] as const)
                      .filter((feedback) => feedback !== event.feedback)
                      .map((feedback) => (
                        <BusyButton
                          key={feedback}
                          busy={busy === `events:${event.id}:${feedback}`}
                          disabled={busy !== null}
                          className="btn btn-link btn-sm p-0 me-2"
                          aria-label={`Mark the ${event.type} of ${formatShortTime(event.at)} ${feedback === 'Valid' ? 'valid' : 'not valid'}`}
                          onClick={() => onFeedback(event, feedback)}
                        >
                          {feedback === 'Valid' ? 'Valid' : 'Not valid'}
                        </BusyButton>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.nextToken && (
        <BusyButton busy={loadingMore} className="btn btn-outline-secondary btn-sm" onClick={onMore}>
          More events
        </BusyButton>
      )}
      <SpotResult spot="events" username={username} notice={notice} error={error} />
    </div>
  )
}
