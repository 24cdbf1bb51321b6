# Sourced by the scripts in bin/: where the checkout is, and building a module's jar when it is
# missing or older than the sources (after a pull or an edit), so that a fresh clone just works.

# The checkout holding the calling script; readlink -f follows a link to it from ~/bin or /usr/local/bin.
repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[1]}")")/.." && pwd)

# shellcheck source=java.sh
source "$repo/bin/lib/java.sh"

# build_if_stale NAME MODULE JAR: builds MODULE (and what it needs) when JAR is missing or stale.
build_if_stale() {
  local name=$1 module=$2 jar=$3
  if [[ ! -f "$jar" ]] || [[ -n $(find "$repo"/pom.xml "$repo"/*/pom.xml "$repo"/*/src/main -newer "$jar" -print -quit) ]]; then
    echo "$name: building $jar ..." >&2
    (cd "$repo" && mvn -q -B -DskipTests -pl "$module" -am package) >&2
  fi
}
