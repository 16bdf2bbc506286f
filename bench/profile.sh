#!/usr/bin/env bash
# Heed's share of a warm compile, read from a JFR recording with whole stacks (bench/JfrShare.java):
# one warm JVM compiles LIB with each jar's Heed checks in turn (bench/WarmCompile.java), sampled
# every millisecond, and the samples under a Heed frame are counted per configuration. Within one
# compile this share is far steadier than end-to-end times on a shared machine.
#   bench/profile.sh ROUNDS LIB NAME=JAR... [-- FOCUS_METHOD]   (after `python3 bench/bench.py fetch`)
# HEED_CHECKS (comma-separated, default all five) chooses the checks turned on in every jar.
set -euo pipefail
rounds=$1 lib=$2
shift 2
corpus=${HEED_CORPUS:-$HOME/.cache/heed-corpus}
jdk=${HEED_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
checks=${HEED_CHECKS:-DiscardedFuture,DiscardedMustUse,UnjustifiedDiscard,CloseBeforeFlush,MustUseCandidate}
ep=$(sed 's#:[^:]*heed-checker[^:]*\.jar##' "$corpus/tools/cp.txt")
on="-Xplugin:ErrorProne -XepDisableAllChecks -XepIgnoreUnknownCheckNames"
for check in ${checks//,/ }; do on="$on -Xep:$check:WARN"; done
configs=() focus=()
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then focus=("$2"); break; fi
  configs+=("${1%%=*}=$ep:${1#*=}=$on")
  shift
done
out=$(mktemp -d)
sed 's#<setting name="period" control="method-sampling-java-interval">[^<]*#&#; /jdk.ExecutionSample"/,/<\/event>/ s#[0-9]* ms</setting>#1 ms</setting>#' \
  "$jdk/lib/jfr/profile.jfc" >"$out/sample.jfc"
"$jdk/bin/java" -Xms3g -Xmx3g -XX:FlightRecorderOptions:stackdepth=2048 \
  "-XX:StartFlightRecording=filename=$out/rec.jfr,settings=$out/sample.jfc" \
  --add-exports=jdk.compiler/com.sun.tools.javac.{api,file,main,model,parser,processing,tree,util}=ALL-UNNAMED \
  --add-opens=jdk.compiler/com.sun.tools.javac.{code,comp}=ALL-UNNAMED \
  "$(dirname "$0")/WarmCompile.java" "$corpus/libs/$lib" "$rounds" "${configs[@]}" | tee "$out/warm.txt"
"$jdk/bin/java" "$(dirname "$0")/JfrShare.java" "$out/rec.jfr" "$out/warm.txt" "${focus[@]}"
echo "recording: $out/rec.jfr"
