# Sourced by bin/'s scripts and bench/'s: finds the Java 25 that Berth is built for and runs on,
# and puts it first, for java, jcmd and Maven (which runs on JAVA_HOME) alike.
#
# Looked for in JAVA_HOME, then under /usr/lib/jvm (Temurin 25 lies there on the machines we
# build on); anything else, Java 17 on the PATH included, is refused with one message.

# java_feature JAVA: the feature release (17, 25, ...) of that java binary, or nothing.
java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java25() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*25*; do
    if [[ -x $candidate/bin/java && $(java_feature "$candidate/bin/java") == 25 ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! java25=$(find_java25); then
  echo "berth: needs Java 25, found none in JAVA_HOME (${JAVA_HOME:-unset}) or /usr/lib/jvm/*25*: install a Java 25 JDK (for example Temurin 25) or point JAVA_HOME at one" >&2
  exit 1
fi
export JAVA_HOME=$java25
unset java25
export PATH=$JAVA_HOME/bin:$PATH
