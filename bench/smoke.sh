#!/usr/bin/env bash
# CI smoke on real code: fetch one small corpus library (Apache MINA core, ~67k lines) from Maven
# Central and compile it with javac + Error Prone + Heed's checks. Fails on any Error Prone or javac
# crash, and on any javac error (a broken classpath would make Error Prone skip the analysis).
# Needs the checker jar (mvn package) and python3; downloads go to $HEED_CORPUS (default
# ~/.cache/heed-corpus), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=checker/target/heed-checker-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ]; then
  echo "Heed smoke: $jar is missing; build it first (mvn -pl annotations,checker -am package -DskipTests)" >&2
  exit 1
fi
exec python3 bench/bench.py smoke "${1:-mina}"
