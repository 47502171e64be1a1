# Builds bench-results.json from the figures run-benchmarks.sh collected (see its --arg/--slurpfile
# names). Every row has its figure, its baseline, ratio = value / baseline, the target and the
# verdict: PASS, MISS, or ERROR when the run itself had failed requests (its figure is then not
# trustworthy and is not judged). /submit-result figures are the median round (by requests/s).
def wrkErrors(r): r.errors.connect + r.errors.read + r.errors.write + r.errors.status + r.errors.timeout;
def verdict(valid; met): if valid | not then "ERROR" elif met then "PASS" else "MISS" end;
def ratio(a; b): if b == 0 or b == null or a == null then null else a / b end;

$small[0].median as $s | $bare[0].median as $b | $big[0].median as $g | $submitSmall[0] as $ss | $submitLarge[0] as $sl
| $dd[0] as $d | $fsync1[0] as $f1 | $fsyncN[0] as $fn
| ($rssBig / 1024) as $rssBigMiB | ($rssSmall / 1024) as $rssSmallMiB
| (($bigQueue | tostring) + " queued") as $bigName
| {
    date: $date,
    mode: $mode,
    machine: {cpu: $cpu, cores: $cores, memoryMiB: $memoryMiB, kernel: $kernel, fileSystem: $fs,
              loadAverageAtStart: $load, loadAverageAtEnd: $loadEnd},
    settings: {profile: "etc/switchyard/standalone.properties", serverMaxThreads: $threads,
               wrkThreads: $wrkThreads, connections: $connections, runSeconds: $runSeconds, rounds: $rounds,
               smallQueue: $smallQueue, bigQueue: $bigQueue, submitClients: $submitClients,
               submitFileBytes: $fileBytes, largeFileBytes: $largeBytes},
    results: [
      {id: "1a", measure: "/submit-result requests/s, \($connections) keep-alive HTTPS connections, \($smallQueue) queued",
       unit: "req/s", value: $s.requestsPerSecond,
       baselineName: "bare POCO HTTPS server", baseline: $b.requestsPerSecond,
       ratio: ratio($s.requestsPerSecond; $b.requestsPerSecond), target: ">= 0.50 x bare",
       result: verdict(wrkErrors($s) == 0 and wrkErrors($b) == 0;
                       ratio($s.requestsPerSecond; $b.requestsPerSecond) >= 0.5)},
      {id: "1b", measure: "/submit-result p99 latency, \($connections) connections, \($smallQueue) queued",
       unit: "ms", value: ($s.p99Us / 1000),
       baselineName: "bare POCO HTTPS server", baseline: ($b.p99Us / 1000),
       ratio: ratio($s.p99Us; $b.p99Us), target: "< 5 ms",
       result: verdict(wrkErrors($s) == 0; $s.p99Us < 5000)},
      {id: "2a", measure: "/submit-result requests/s, \($bigName)",
       unit: "req/s", value: $g.requestsPerSecond,
       baselineName: "same, \($smallQueue) queued", baseline: $s.requestsPerSecond,
       ratio: ratio($g.requestsPerSecond; $s.requestsPerSecond), target: ">= 0.67 x (within 1.5x)",
       result: verdict(wrkErrors($g) == 0 and wrkErrors($s) == 0;
                       ratio($g.requestsPerSecond; $s.requestsPerSecond) >= (1 / 1.5))},
      {id: "2b", measure: "/submit-result p99 latency, \($bigName)",
       unit: "ms", value: ($g.p99Us / 1000),
       baselineName: "same, \($smallQueue) queued", baseline: ($s.p99Us / 1000),
       ratio: ratio($g.p99Us; $s.p99Us), target: "<= 1.5 x",
       result: verdict(wrkErrors($g) == 0 and wrkErrors($s) == 0; ratio($g.p99Us; $s.p99Us) <= 1.5)},
      {id: "3", measure: "durable /submit, \($fileBytes)-byte files, \($submitClients) clients",
       unit: "files/s", value: $ss.filesPerSecond,
       baselineName: "write+fdatasync \($fileBytes) B, 1 thread", baseline: $f1.perSecond,
       ratio: ratio($ss.filesPerSecond; $f1.perSecond), target: ">= 1000 files/s",
       result: verdict($ss.errors == 0 and $ss.files > 0; $ss.filesPerSecond >= 1000)},
      {id: "4", measure: "/submit of one \($largeBytes / 1048576) MiB file",
       unit: "MB/s", value: $sl.mbPerSecond,
       baselineName: "dd conv=fdatasync, same fs", baseline: $d.mbPerSecond,
       ratio: ratio($sl.mbPerSecond; $d.mbPerSecond), target: ">= 0.60 x dd",
       result: verdict($sl.accepted; ratio($sl.mbPerSecond; $d.mbPerSecond) >= 0.6)},
      {id: "5", measure: "daemon VmRSS, \($bigName), after /submit-result traffic",
       unit: "MiB", value: $rssBigMiB,
       baselineName: "same, \($smallQueue) queued", baseline: $rssSmallMiB,
       ratio: ratio($rssBigMiB; $rssSmallMiB), target: "< 200 MiB",
       result: verdict(true; $rssBigMiB < 200)}
    ],
    details: {
      submitResult: {smallQueue: $small[0], bare: $bare[0], bigQueue: $big[0]},
      prefill: {small: $prefillSmall[0], big: $prefillBig[0]},
      fsync: {oneThread: $f1, parallel: $fn},
      submitSmallFiles: $ss,
      dd: $d,
      submitLargeFile: $sl,
      memory: {smallQueueRssKiB: $rssSmall, bigQueueRssKiBAtStart: $rssBigBefore, bigQueueRssKiB: $rssBig,
               bigQueueHwmKiB: $hwmBig}
    }
  }
