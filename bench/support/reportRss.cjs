// Preloaded into a measured process: as it exits, writes its peak resident memory (KB) to its own
// stderr, which the bench reads from the finished run (no file that could go missing). A direct write
// to the descriptor, because nothing asynchronous runs after 'exit'.
process.on('exit', () => {
  if (process.env.TIER_ADMIN_BENCH_RSS) require('node:fs').writeSync(2, `\ntier-admin-bench-rss ${process.resourceUsage().maxRSS}\n`)
})
