#!/usr/bin/env bash
# Fair dispatch benchmark (issue 8): tenant A enqueues 200k items, B-E 500 each, 5 ms of simulated work per item.
# Prints each small tenant's completion time against its solo time and Jain's fairness index, for the fair order
# (the dispatcher's FairPicker) and for FIFO orders through the same dispatcher. About a minute, most of it the
# one-global-FIFO run (its small tenants wait for A's 200k items); --no-global-fifo skips it.
# Options (defaults): --workers 24 --cap 5 --big 200000 --small 500 --item-ms 5 --no-global-fifo
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark runs the ejb-module jar (dispatcher, picker, in-memory queue) from the local repository.
./mvnw -B -q install -pl ejb-module -am -DskipTests
./mvnw -B -q -f bench/pom.xml compile exec:java -Dexec.args="$*"
