# Sourced by jobs/local-cluster and jobs/submit (not run on its own): where the repository, the
# local cluster's state and the SPARK_HOME are, and how to start a Spark JVM from the Maven jars.
#
# Sets: repo, cluster_dir, secret_file, spark_jvm_opts; defines ensure_spark_home and http_get.
# Environment (all optional):
#   SPARK_HOME                a Spark 4.2 distribution (bin/ and jars/) or a jars/-only home; default:
#                             target/spark-home, made from the Maven jars (ensure_spark_home)
#   FLEETCOMPAT_CLUSTER_DIR   the local cluster's pid files, logs, secret and master URL;
#                             default target/local-cluster

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cluster_dir="${FLEETCOMPAT_CLUSTER_DIR:-$repo/target/local-cluster}"
# A Spark properties file (mode 600): spark.authenticate and the generated spark.authenticate.secret.
# Standalone Spark takes the secret only as a setting (spark.authenticate.secret.file is for
# Kubernetes), so the daemons get it with --properties-file and spark-submit with
# --extra-properties-file: never on a command line, where ps would show it.
secret_file="$cluster_dir/secret.properties"
# Spark's own JVM options for Java 17+, kept in one place: the pom's spark.jvm.options.
spark_jvm_opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$repo/pom.xml")"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"

# Makes sure $SPARK_HOME/jars holds Spark and its dependencies. Without a SPARK_HOME of the user's,
# target/spark-home is made from target/classpath.txt (the Maven jars of `mvn package`, Spark
# included: the pom's test build makes the same directory with copy-dependencies).
ensure_spark_home() {
  if [[ -n "${SPARK_HOME:-}" ]]; then
    if ! compgen -G "$SPARK_HOME/jars/spark-core_*.jar" >/dev/null; then
      echo "fleetcompat: error: SPARK_HOME=$SPARK_HOME has no jars/spark-core_*.jar; unset it to use the Maven jars" >&2
      return 1
    fi
    export SPARK_HOME
    return 0
  fi
  export SPARK_HOME="$repo/target/spark-home"
  if [[ ! -f "$repo/target/classpath.txt" ]]; then
    echo "fleetcompat: error: not built yet; run: (cd $repo && mvn -B -q package -DskipTests)" >&2
    return 1
  fi
  mkdir -p "$SPARK_HOME/jars"
  local jar
  tr ':' '\n' <"$repo/target/classpath.txt" | while read -r jar; do
    [[ -n "$jar" && -f "$jar" && ! -f "$SPARK_HOME/jars/$(basename "$jar")" ]] && cp "$jar" "$SPARK_HOME/jars/"
    true
  done
}

# Prints the body of http://127.0.0.1:PORT/PATH, or fails. curl if there is one, else bash's
# /dev/tcp (a fresh CI machine may have no curl).
http_get() {
  local port="$1" path="$2"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 5 "http://127.0.0.1:$port$path"
    return
  fi
  local response
  exec 9<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&9
  response="$(timeout 5 cat <&9)" || true
  exec 9<&-
  [[ "$response" == "HTTP/1."*" 200 "* ]] || return 1
  printf '%s\n' "${response#*$'\r\n\r\n'}"
}
