#!/usr/bin/env bash
# Trains the complexity classifier and evaluates it against the baselines (see TrainClassifier's javadoc).
# Writes src/main/resources/complexity/weights.json and src/bench/classifier/RESULTS.md.
# Usage: src/bench/classifier/run.sh [data directory, default ../shared/data/routing from the repository root]
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/classifier.classpath -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat target/classifier.classpath)" src/bench/classifier/TrainClassifier.java "$@"
