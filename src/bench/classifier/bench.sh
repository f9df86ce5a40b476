#!/usr/bin/env bash
# Time per classify() call of the learned complexity classifier (see ClassifierBench's javadoc).
# Usage: src/bench/classifier/bench.sh [warm-up calls per case] [measured calls per case]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classifier.classpath -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/classifier.classpath)" src/bench/classifier/ClassifierBench.java "$@"
