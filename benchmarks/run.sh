#!/usr/bin/env bash
# Runs the benchmarks and prints a table with the DSL issue's ratios.
#
#   benchmarks/run.sh            full run (2 forks, 5 + 5 iterations each; about 10 minutes)
#   benchmarks/run.sh --quick    1 fork, 3 x 1 s iterations: rough numbers in under 3 minutes
#   benchmarks/run.sh [--quick] AmountRule     only the benchmarks matching a JMH regex
#
# Builds the benchmarks and the modules they use (tests skipped), writes the classpath with
# mvn dependency:build-classpath, and runs dev.recon.benchmarks.BenchMain (JMH). Raw results:
# benchmarks/target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn_quiet() {
  # offline first (the usual case here), then online if something is missing
  mvn -B -q -o "$@" || mvn -B -q "$@"
}

echo "building benchmarks and the modules they use..." >&2
mvn_quiet install -pl benchmarks -am -DskipTests -Dspotless.check.skip=true
mvn_quiet -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

exec java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
  dev.recon.benchmarks.BenchMain "$@"
