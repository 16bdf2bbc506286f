#!/usr/bin/env bash
# Adoption end to end, in a separate Maven project that uses Heed from the local repository
# (docs/adoption.md): two existing drops fail the build; UpdateBaseline writes a baseline and
# passes; the baseline alone passes, also after lines are inserted above the drops; one new drop
# fails with exactly one error; fixing a recorded drop makes its entry stale; Sarif writes a log
# that the SARIF 2.1.0 schema accepts and whose results are the compile's findings.
# Installs heed-parent, heed-annotations and heed-checker into ~/.m2 first. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
heed=$(pwd)

java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  echo "${v:-0}"
}
jdk=""
for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$home/bin/javac" ] && [ "$(java_major "$home")" -ge 21 ]; then jdk=$home; break; fi
done
[ -n "$jdk" ] || { echo "adoption: no JDK 21+ found" >&2; exit 1; }

echo "adoption: installing Heed into the local repository"
mvn -B -ntp -q -pl .,annotations,checker install -DskipTests
# The SARIF validator (checker-tests' SarifSchema, with the official schema) and its class path.
if [ ! -f checker-tests/target/test-classes/dev/heed/tests/SarifSchema.class ]; then
  mvn -B -ntp -q -pl checker-tests test-compile
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mvn -B -ntp -q -pl checker-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$tmp/cp.txt" >/dev/null
validator_cp="$heed/checker-tests/target/test-classes:$(cat "$tmp/cp.txt")"

project=$tmp/project
mkdir -p "$project/src/main/java/demo"
sed -e "s#@ERRORPRONE@#$(sed -n 's#.*<errorprone.version>\(.*\)</errorprone.version>.*#\1#p' pom.xml)#" \
  .ci/adoption-pom.xml >"$project/pom.xml"
client=$project/src/main/java/demo/Client.java
baseline=$project/heed-baseline.txt
sarif=$project/target/heed.sarif

write_client() { # $1: extra lines at the top, $2: the body of send()
  cat >"$client" <<EOF
package demo;
$1
import java.util.concurrent.CompletableFuture;

public class Client {
  static CompletableFuture<Void> write(String message) {
    return CompletableFuture.completedFuture(null);
  }

  void send() {
$2
  }
}
EOF
}
two_drops='    write("hello");
    write("bye");'

failed=0
step() { echo; echo "=== adoption: $1"; }
ok() { echo "ok: $1"; }
fail() { echo "FAILED: $1" >&2; failed=1; }
build() { # $1: log name, then -D properties; sets $rc
  set +e
  (cd "$project" && mvn -B -ntp clean compile "${@:2}" >"$tmp/$1.log" 2>&1)
  rc=$?
  set -e
}
errors() { # the distinct Heed finding errors in log $1
  grep -E '^\[ERROR\] .*\.java:\[[0-9]+,[0-9]+\] (error: )?\[[A-Za-z]+\]' "$tmp/$1.log" | sort -u || true
}
expect() { # $1: description, $2: expected, $3: actual
  if [ "$2" = "$3" ]; then ok "$1 ($3)"; else fail "$1: expected '$2', got '$3'"; fi
}
with_baseline="-Dheed.flags=-XepOpt:Heed:Baseline=$baseline"

step "two existing drops fail the build"
write_client "" "$two_drops"
build plain
expect "exit code" 1 "$rc"
expect "errors" 2 "$(errors plain | wc -l)"

step "UpdateBaseline writes a baseline and passes"
build update "-Dheed.flags=-XepOpt:Heed:Baseline=$baseline -XepOpt:Heed:UpdateBaseline=true"
expect "exit code" 0 "$rc"
expect "entries" 2 "$(grep -vc '^#' "$baseline")"
grep -q 'wrote 2 findings of this compilation' "$tmp/update.log" && ok "summary" || fail "no summary"
sed 's/^/    /' "$baseline"

step "the baseline alone passes"
build known "$with_baseline"
expect "exit code" 0 "$rc"
grep -q "\[Heed\] 2 known findings from $baseline, 0 new" "$tmp/known.log" && ok "summary line" \
  || fail "no '2 known findings' line"

step "lines inserted above the drops change nothing"
write_client "
// three lines
// inserted above
// the drops" "$two_drops"
build inserted "$with_baseline"
expect "exit code" 0 "$rc"

step "one new drop fails the build with exactly one error"
write_client "" "$two_drops
    write(\"again\");"
build new "$with_baseline"
expect "exit code" 1 "$rc"
expect "errors" 1 "$(errors new | wc -l)"
errors new | grep -q 'Client.java:\[13,' && ok "at the new drop" || fail "not at line 13: $(errors new)"
# (javac prints "[Heed] 2 known findings ..., 1 new" after its error count here, and Maven's javac
# wrapper drops what follows the count; BaselineTest checks that line.)

step "fixing a recorded drop makes its entry stale"
write_client "" '    write("hello")'".join();"$'\n''    write("bye");'
build stale "$with_baseline"
expect "exit code" 1 "$rc"
stale=$(grep -E "\[Heed\] -XepOpt:Heed:Baseline=$baseline:[0-9]+: stale entry" "$tmp/stale.log" | sort -u || true)
expect "stale entries" 1 "$(printf '%s' "$stale" | grep -c . || true)"
printf '%s' "$stale" | grep -q 'write("hello") in demo.Client.send()' && ok "names the entry" \
  || fail "the stale error does not name the entry: $stale"

step "Sarif writes a valid log whose results are the compile's findings"
write_client "" "$two_drops"
build sarif "-Dheed.flags=-XepOpt:Heed:Sarif=$sarif"
expect "exit code" 1 "$rc"
if "$jdk/bin/java" -cp "$validator_cp" dev.heed.tests.SarifSchema "$sarif"; then
  ok "the SARIF 2.1.0 schema accepts it"
else
  fail "the SARIF 2.1.0 schema rejects it"
fi
# Maven shows javac's column 0-based ([11,9] is the 10th character); SARIF's is 1-based.
from_log=$(errors sarif | sed -E 's#^\[ERROR\] '"$project"'/(.*\.java):\[([0-9]+),([0-9]+)\] (error: )?\[([A-Za-z]+)\].*#\1 \2 \3 \5#' \
  | while read -r file line column rule; do echo "$file:$line:$((column + 1)):$rule"; done | sort)
from_sarif=$(python3 - "$sarif" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
for r in log["runs"][0]["results"]:
    loc = r["locations"][0]["physicalLocation"]
    print("%s:%d:%d:%s" % (loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                           loc["region"]["startColumn"], r["ruleId"]))
EOF
)
from_sarif=$(echo "$from_sarif" | sort)
expect "SARIF results = compile errors" "$from_log" "$from_sarif"
echo "$from_sarif" | sed 's/^/    /'

if [ "$failed" -ne 0 ]; then
  echo "adoption: FAILED (logs in $tmp kept)" >&2
  trap - EXIT
  exit 1
fi
echo
echo "adoption: every step as expected"
