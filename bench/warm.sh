#!/usr/bin/env bash
# In one warm JVM per library (bench/WarmCompile.java): Error Prone with all checks off (a), with
# BASE's Heed checks, with HEAD's, with one Error Prone check (c: FutureReturnValueIgnored), and
# with five checks that match nothing, registered like Heed's (noop, bench/noop.sh), in turn.
#   bench/warm.sh ROUNDS BASE.jar HEAD.jar LIB...   (after `python3 bench/bench.py fetch`)
set -euo pipefail
rounds=$1 base=$2 head=$3
shift 3
corpus=${HEED_CORPUS:-$HOME/.cache/heed-corpus}
jdk=${HEED_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Error Prone and its dependencies, without the Heed jar bench.py put beside them.
ep=$(sed 's#:[^:]*heed-checker[^:]*\.jar##' "$corpus/tools/cp.txt")
noop=$("$(dirname "$0")/noop.sh" "$ep")
off="-Xplugin:ErrorProne -XepDisableAllChecks"
on="$off -XepIgnoreUnknownCheckNames -Xep:DiscardedFuture:WARN -Xep:DiscardedMustUse:WARN"
on="$on -Xep:UnjustifiedDiscard:WARN -Xep:CloseBeforeFlush:WARN -Xep:MustUseCandidate:WARN"
for lib in "$@"; do
  echo "== $lib"
  "$jdk/bin/java" -Xms3g -Xmx3g \
    --add-exports=jdk.compiler/com.sun.tools.javac.{api,file,main,model,parser,processing,tree,util}=ALL-UNNAMED \
    --add-opens=jdk.compiler/com.sun.tools.javac.{code,comp}=ALL-UNNAMED \
    "$(dirname "$0")/WarmCompile.java" "$corpus/libs/$lib" "$rounds" \
    "a=$ep:$head=$off" "base=$ep:$base=$on" "head=$ep:$head=$on" \
    "c=$ep:$head=$off -Xep:FutureReturnValueIgnored:WARN" \
    "noop=$ep:$noop=$off -Xep:NoopA:WARN -Xep:NoopB:WARN -Xep:NoopC:WARN -Xep:NoopD:WARN -Xep:NoopE:WARN"
done
