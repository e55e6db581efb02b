// Preloaded into a measured process: writes its peak resident memory (KB) to the file named in
// TIER_ADMIN_BENCH_RSS when it exits.
process.on('exit', () => {
  const file = process.env.TIER_ADMIN_BENCH_RSS
  if (file) require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`)
})
