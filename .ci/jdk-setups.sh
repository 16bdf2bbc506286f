#!/usr/bin/env bash
# The build must run google-java-format (and javac) on the JDK 21+ that maven-toolchains-plugin
# selects, whatever `java` comes first on PATH. This runs the root `validate` (which selects the
# JDK and runs the formatter check) in two set-ups and fails if either fails:
#   default:      JAVA_HOME unset, PATH as given (Maven may run on an older JDK);
#   older-on-path: JAVA_HOME is a JDK 21+, and an older JDK's `java` is first on PATH (or, if the
#                 machine has no older JDK, a stub `java` that fails whenever it is run).
# In both, the formatter must run from the toolchain: the log must name it.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { # the major version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  v=${v#1.}
  echo "${v%%.*}"
}

new_jdk="" old_jdk=""
for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [ -x "$home/bin/javac" ] || continue
  major=$(java_major "$home")
  if [ "${major:-0}" -ge 21 ]; then
    [ -n "$new_jdk" ] || new_jdk=$home
  elif [ -z "$old_jdk" ]; then
    old_jdk=$home
  fi
done
if [ -z "$new_jdk" ]; then
  echo "jdk-setups: no JDK 21+ found (looked at JAVA_HOME and /usr/lib/jvm/*)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$old_jdk" ]; then
  old_bin=$old_jdk/bin
  old_desc="$old_jdk/bin/java"
else
  old_bin=$tmp/stub-bin
  mkdir -p "$old_bin"
  printf '#!/bin/sh\necho "stub java from PATH was run: the build did not use the toolchain" >&2\nexit 1\n' \
    >"$old_bin/java"
  chmod +x "$old_bin/java"
  old_desc="a stub java that fails"
fi

failed=0
run() { # $1: set-up name, $2: its description, then the env(1) arguments for mvn
  local name=$1 desc=$2 log=$tmp/$1.log jdk
  shift 2
  if ! env "$@" mvn -B -ntp validate >"$log" 2>&1; then
    echo "jdk-setups: $name ($desc): FAILED, mvn validate failed; the end of its log:"
    grep -v '^    at ' "$log" | tail -n 30
    failed=1
    return
  fi
  jdk=$(sed -n 's/.*Toolchain in exec-maven-plugin: JDK\[\(.*\)\].*/\1/p' "$log" | head -n 1)
  if [ -z "$jdk" ]; then
    echo "jdk-setups: $name ($desc): FAILED, the formatter did not run from a toolchain"
    failed=1
    return
  fi
  echo "jdk-setups: $name ($desc): OK, formatter ran on $jdk"
}

run default "JAVA_HOME unset, PATH as is" -u JAVA_HOME
run older-on-path "JAVA_HOME=$new_jdk, $old_desc first on PATH" \
  JAVA_HOME="$new_jdk" PATH="$old_bin:$PATH"
exit "$failed"
