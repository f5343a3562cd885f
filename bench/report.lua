-- wrk reporter: one machine-readable line per run, read by bench/*.sh.
-- RESULT requests=<n> rps=<req/s> p50_ms=<..> p99_ms=<..> errors=<connect+read+write+timeout+non-2xx/3xx>
done = function(summary, latency, requests)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
