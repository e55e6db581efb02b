/**
 * Decides, from the pages a partitioned scan receives, when one sequential pass would be faster.
 *
 * Some backends apply a ListUsers filter after paging: each filtered page is a page of the unfiltered
 * pool with the non-matching users dropped, and its token runs on as long as the unfiltered pool does.
 * Every partition then reads the whole pool, its pages nearly empty (about 60 ÷ partitions users), so
 * 16 partitions cost 16 passes: 26.5 s against 1.5 s sequential was seen on 3,000 users. On a pool
 * that filters properly every page but a partition's last one is full, so the guard never trips there.
 */

export interface SparsePageGuardOptions {
  /** Users a full page holds (ListUsers' Limit). */
  pageSize: number
  /** ListUsers requests per second the quota allows. */
  rate: number
  /** Partitions read side by side. */
  concurrency: number
}

export interface PageObservation {
  users: number
  /** How long Cognito took to answer, without the wait for the rate limiter. */
  latencyMs: number
  /** A partition's last page: partly filled in any pool, so it says nothing about density. */
  lastPage: boolean
}

/**
 * Pages that are not a partition's last before any verdict. A normal pool's are all full, so even a
 * few that average under half a page (MARGIN) cannot come from one. Few is what the switch costs: by
 * the fifth answer about a dozen requests (check and burst included) have gone, 0.4 s at 30/s, which
 * on 3,000 users (1.8 s sequential) is the difference between 1.2x and 1.35x the sequential time.
 */
const MIN_PAGES = 5
/** How many times slower partitioned reading must look before it is given up. */
const MARGIN = 2

export class SparsePageGuard {
  private densePages = 0
  private denseUsers = 0
  private answered = 0
  private usersRead = 0
  private latencyTotalMs = 0

  constructor(private readonly options: SparsePageGuardOptions) {}

  observe(page: PageObservation): void {
    this.answered++
    this.usersRead += page.users
    this.latencyTotalMs += page.latencyMs
    if (page.lastPage) return
    this.densePages++
    this.denseUsers += page.users
  }

  /**
   * null while partitioning is not clearly worse; otherwise the reason to switch, with the figures.
   * @param estimatedRemainingUsers users still to read (e.g. the pool's estimate less those read), for
   *   the times in the reason; the verdict itself compares seconds per user and does not need it.
   */
  verdict(estimatedRemainingUsers?: number): null | { reason: string } {
    if (this.densePages < MIN_PAGES) return null
    const { pageSize, rate, concurrency } = this.options
    const usersPerPage = this.denseUsers / this.densePages
    const latencySeconds = Math.max(1e-3, this.latencyTotalMs / this.answered / 1000)
    // Side by side, requests go at the quota unless latency is too long for the workers to keep up.
    const partitionedPerUser = 1 / (usersPerPage * Math.min(rate, concurrency / latencySeconds))
    const sequentialPerUser = 1 / (pageSize * Math.min(rate, 1 / latencySeconds))
    if (partitionedPerUser < MARGIN * sequentialPerUser) return null
    const density = usersPerPage === 0 ? 'no users' : `${usersPerPage.toFixed(usersPerPage < 1 ? 2 : 1)} users each`
    // Plain words: the operator knows pages and the pool, not partitions.
    const held = `This pool's search filter did not narrow the pages well (they held ${density}, where a page holds up to ${pageSize}), so the scan reads the pool from start to end`
    if (estimatedRemainingUsers === undefined) return { reason: `${held}: that is faster for this pool.` }
    // The sequential pass starts over, so it reads again what the partitions have read.
    const partitioned = estimatedRemainingUsers * partitionedPerUser
    const sequential = (estimatedRemainingUsers + this.usersRead) * sequentialPerUser
    const figures = Number.isFinite(partitioned)
      ? `about ${seconds(sequential)} from start to end, against ${seconds(partitioned)} more the other way`
      : `about ${seconds(sequential)} from start to end`
    return { reason: `${held}: ${figures}.` }
  }
}

function seconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value).toLocaleString('en')} s`
}
