#!/usr/bin/env bash
# Proves that SDK baselining guards compatibility: builds a scratch copy of plugins-sdk/api three
# times and expects
#   1. an incompatible change (a method removed from io.mosaic.crm.sdk.db.Database) to FAIL the build,
#   2. the same change with a major bump of the package (2.0.0) and of the bundle (2.0.0) to pass,
#   3. a compatible addition (a new default method) without a minor bump to FAIL, and with one to pass.
# The working tree is never touched. Usage: plugins-sdk/baseline/check-baseline.sh  (needs `mvn`; add -o
# to MVN_FLAGS for offline use once the plugins are in the local repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
MVN_FLAGS="${MVN_FLAGS:--q -B -o}"

fresh_copy() {
    rm -rf "$scratch/work" && mkdir -p "$scratch/work/plugins-sdk"
    cp "$root/pom.xml" "$scratch/work/"
    cp -r "$root/plugins-sdk/baseline" "$scratch/work/plugins-sdk/"
    (cd "$root/plugins-sdk" && tar --exclude=target -cf - api) | tar -xf - -C "$scratch/work/plugins-sdk"
    api="$scratch/work/plugins-sdk/api"
    db="$api/src/main/java/io/mosaic/crm/sdk/db"
}

build() {   # $1 = expected outcome (pass|fail), $2 = description
    if (cd "$api" && mvn $MVN_FLAGS verify -DskipTests >"$scratch/build.log" 2>&1); then outcome=pass; else outcome=fail; fi
    if [[ "$outcome" != "$1" ]]; then
        echo "UNEXPECTED: $2 -> build ${outcome}ed (expected $1)"; tail -40 "$scratch/build.log"; exit 1
    fi
    if [[ "$1" == fail ]] && ! grep -q "Baseline problems detected" "$scratch/build.log"; then
        echo "UNEXPECTED: $2 failed, but not because of baselining"; tail -40 "$scratch/build.log"; exit 1
    fi
    echo "ok: $2 -> build ${outcome}ed"
}

fresh_copy
sed -i '/void migrate(String moduleId, ClassLoader classLoader);/d' "$db/Database.java"
build fail "removing Database.migrate without a major version bump"
sed -i 's/@Version("[0-9.]*")/@Version("2.0.0")/' "$db/package-info.java"
sed -i 's/^Bundle-Version: .*/Bundle-Version: 2.0.0.${tstamp}/' "$api/bnd.bnd"
build pass "removing Database.migrate with package and bundle bumped to 2.0.0"

fresh_copy
sed -i 's/    Jdbi jdbi();/    Jdbi jdbi();\n\n    default boolean healthy() { return true; }/' "$db/Database.java"
# the package at the released version (1.0.0), whatever it is in the tree: no bump for the additions
sed -i 's/@Version("[0-9.]*")/@Version("1.0.0")/' "$db/package-info.java"
build fail "adding Database.healthy() without a minor version bump"
sed -i 's/@Version("1.0.0")/@Version("1.1.0")/' "$db/package-info.java"
build pass "adding Database.healthy() with the package bumped to 1.1.0"
echo "all 4 baseline checks behaved as expected"
