# Prints bench-results.json as a table (jq -r -f table.jq bench-results.json).
def num:
  if type != "number" then "-"
  elif . >= 100 then (round | tostring)
  elif . >= 10 then ((. * 10 | round) / 10 | tostring)
  else ((. * 100 | round) / 100 | tostring) end;
def pad($n): tostring | if length >= $n then . else . + (" " * ($n - length)) end;
def row: "\(.[0] | pad(3)) \(.[1] | pad(76)) \(.[2] | pad(17)) \(.[3] | pad(45)) \(.[4] | pad(7)) \(.[5] | pad(26)) \(.[6])";

"Switchyard benchmarks, \(.date), \(.mode) run; \(.machine.cores) cores (\(.machine.cpu)), \(.machine.fileSystem), load average \(.machine.loadAverageAtStart) at start, \(.machine.loadAverageAtEnd) at end",
"",
(["#", "measure", "switchyard", "baseline", "ratio", "target", "result"] | row),
(["---", "-------", "----------", "--------", "-----", "------", "------"] | row),
(.results[] | [.id, .measure, "\(.value | num) \(.unit)", "\(.baseline | num) \(.unit) (\(.baselineName))",
               "\(.ratio | num)", .target, .result] | row),
"",
(.details.submitResult | "/submit-result (median of \(.smallQueue.rounds | length) rounds): p50 \(.smallQueue.median.p50Us / 1000 | num) ms daemon, \(.bigQueue.median.p50Us / 1000 | num) ms large queue, \(.bare.median.p50Us / 1000 | num) ms bare; server CPU per request \(.smallQueue.median.serverCpuUsPerRequest | num) us daemon, \(.bigQueue.median.serverCpuUsPerRequest | num) us large queue, \(.bare.median.serverCpuUsPerRequest | num) us bare"),
(.details.submitResult | "requests/s per round: daemon \([.smallQueue.rounds[].requestsPerSecond | num] | join(", ")); bare \([.bare.rounds[].requestsPerSecond | num] | join(", ")); large queue \([.bigQueue.rounds[].requestsPerSecond | num] | join(", "))"),
(.details | "durable /submit: p50 \(.submitSmallFiles.p50Us / 1000 | num) ms, p99 \(.submitSmallFiles.p99Us / 1000 | num) ms, daemon CPU about \(.submitSmallFiles.serverCpuUsPerFile | num) us per file; write+fdatasync with \(.fsync.parallel.threads) threads: \(.fsync.parallel.perSecond | num) ops/s"),
(.details | "large /submit: \(.submitLargeFile.seconds | num) s, of which \(.submitLargeFile.answerWaitSeconds | num) s after the last byte; daemon CPU \(.submitLargeFile.serverCpuSeconds | num) s; dd \(.dd.seconds | num) s"),
(.details | "prefill: \(.prefill.big.count) submissions in \(.prefill.big.seconds | num) s; RSS \(.memory.bigQueueRssKiBAtStart / 1024 | num) MiB at start, \(.memory.bigQueueRssKiB / 1024 | num) MiB after traffic, peak \(.memory.bigQueueHwmKiB / 1024 | num) MiB")
