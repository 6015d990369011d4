#!/usr/bin/env bash
# Valid, cached basic-auth scrapes timed alone and during a flood of wrong passwords from 32
# connections (issue 12), through a real Jetty on 127.0.0.1: p50, p99 and max of the valid
# scrapes, and the flood's answers (401 checked, 429 refused at once beyond the bcrypt bound).
# Needs java 17 and maven.
#
#   bench/auth-flood.sh [connections=32] [scrapes=200] [bcrypt cost=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP="target/test-classes:target/classes:$(cat target/cp.txt)"

echo "## machine"
echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## auth flood"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.dxexporter.bench.AuthFlood "$@" 2>&1 \
  | grep -v 'basic auth refused'
