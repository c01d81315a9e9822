#!/usr/bin/env bash
# Proves that SDK baselining guards compatibility: builds four scratch copies of plugins-sdk/api at
# once and expects
#   1. an incompatible change (a method removed from io.mosaic.crm.sdk.db.Database) to FAIL the build,
#   2. the same change with a major bump of the package (2.0.0) and of the bundle (2.0.0) to pass,
#   3. a compatible addition (a new default method) without a minor bump to FAIL, and with one to pass.
# The working tree is never touched. Usage: plugins-sdk/baseline/check-baseline.sh  (needs `mvn`; add -o
# to MVN_FLAGS for offline use once the plugins are in the local repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
MVN_FLAGS="${MVN_FLAGS:--q -B -o} -Dmaven.test.skip=true"
# short builds: a JVM that starts fast beats one that optimises (about a third less CPU each)
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"

copy() {   # $1 = directory for one independent copy of the SDK api
    mkdir -p "$1/plugins-sdk"
    cp "$root/pom.xml" "$1/"
    cp -r "$root/plugins-sdk/baseline" "$1/plugins-sdk/"
    (cd "$root/plugins-sdk" && tar --exclude=target -cf - api) | tar -xf - -C "$1/plugins-sdk"
}

build() {   # $1 = copy, $2 = expected outcome (pass|fail), $3 = description; prints one line, fails on surprise
    local api="$1/plugins-sdk/api" log="$1/build-$2.log" outcome
    if (cd "$api" && mvn $MVN_FLAGS verify >"$log" 2>&1); then outcome=pass; else outcome=fail; fi
    if [[ "$outcome" != "$2" ]]; then
        echo "UNEXPECTED: $3 -> build ${outcome}ed (expected $2)"; tail -40 "$log"; return 1
    fi
    if [[ "$2" == fail ]] && ! grep -q "Baseline problems detected" "$log"; then
        echo "UNEXPECTED: $3 failed, but not because of baselining"; tail -40 "$log"; return 1
    fi
    echo "ok: $3 -> build ${outcome}ed"
}

db() { echo "$1/plugins-sdk/api/src/main/java/io/mosaic/crm/sdk/db"; }

# Four copies, built at once (each build is independent; together they take the time of about two).
for c in removed major added minor; do copy "$scratch/$c"; done
for c in removed major; do sed -i '/void migrate(String moduleId, ClassLoader classLoader);/d' "$(db "$scratch/$c")/Database.java"; done
sed -i 's/@Version("[0-9.]*")/@Version("2.0.0")/' "$(db "$scratch/major")/package-info.java"
sed -i 's/^Bundle-Version: .*/Bundle-Version: 2.0.0.${tstamp}/' "$scratch/major/plugins-sdk/api/bnd.bnd"
for c in added minor; do
    sed -i 's/    Jdbi jdbi();/    Jdbi jdbi();\n\n    default boolean healthy() { return true; }/' "$(db "$scratch/$c")/Database.java"
done
# the package at the released version (1.0.0), whatever it is in the tree: no bump for the additions
sed -i 's/@Version("[0-9.]*")/@Version("1.0.0")/' "$(db "$scratch/added")/package-info.java"
sed -i 's/@Version("[0-9.]*")/@Version("1.1.0")/' "$(db "$scratch/minor")/package-info.java"

build "$scratch/removed" fail "removing Database.migrate without a major version bump" >"$scratch/1.out" & p1=$!
build "$scratch/major" pass "removing Database.migrate with package and bundle bumped to 2.0.0" >"$scratch/2.out" & p2=$!
build "$scratch/added" fail "adding Database.healthy() without a minor version bump" >"$scratch/3.out" & p3=$!
build "$scratch/minor" pass "adding Database.healthy() with the package bumped to 1.1.0" >"$scratch/4.out" & p4=$!
failed=0
for p in $p1 $p2 $p3 $p4; do wait "$p" || failed=1; done
cat "$scratch"/[1-4].out
[[ $failed == 0 ]] || exit 1
echo "all 4 baseline checks behaved as expected"
