#!/usr/bin/env bash
# Installs what the notebooks need and the "Java (ClassicNLP)" Jupyter kernel:
#  1. Jupyter from Debian's packages (client, nbconvert, nbclient) and a CJK font for chart labels,
#     apt-get only when one is missing;
#  2. the kernel module notebooks/kernel (its JUnit test runs), a thin launcher over JJava's protocol
#     library and JDK jshell: notebooks/kernel/target/classicnlp-notebook-kernel.jar + target/lib/*.jar;
#  3. the kernel spec classicnlp-java in $JUPYTER_DATA_DIR/kernels (default: jupyter --data-dir), written
#     when missing or when it points at another checkout or another java.
# The kernel's class path has target/classicnlp.jar (built by `mvn package` at the root; this script builds
# it when it is missing). Usage: bash notebooks/install-kernel.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
updated=""
# apt_install REQUIRED|OPTIONAL PACKAGE...: installs the missing ones (apt-get update once, if the first try fails)
apt_install() {
  local need=$1; shift
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "install-kernel: apt-get install ${missing[*]}" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 && return 0
  if [ -z "$updated" ]; then
    $SUDO apt-get update -q >&2 || true
    updated=1
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 && return 0
  fi
  if [ "$need" = REQUIRED ]; then
    echo "install-kernel: error: could not install ${missing[*]} (needed to run notebooks)" >&2
    exit 1
  fi
  echo "install-kernel: warning: could not install ${missing[*]}; charts will show Chinese labels as boxes" >&2
}
apt_install REQUIRED jupyter-client jupyter-nbconvert python3-nbconvert python3-nbclient
apt_install OPTIONAL fonts-wqy-microhei

if [ ! -f target/classicnlp.jar ]; then
  echo "install-kernel: building target/classicnlp.jar" >&2
  mvn -B -ntp -q package -DskipTests
fi
echo "install-kernel: building notebooks/kernel (with its test)" >&2
mvn -B -ntp -q -f notebooks/kernel/pom.xml package

java_bin=$(command -v java)
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_bin="$JAVA_HOME/bin/java"
kernel_dir="$root/notebooks/kernel/target"
classpath="$kernel_dir/classicnlp-notebook-kernel.jar:$kernel_dir/lib/*:$root/target/classicnlp.jar"
spec_dir="$(jupyter --data-dir)/kernels/classicnlp-java"
spec=$(cat <<JSON
{
  "argv": ["$java_bin", "-Xmx1g", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
           "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dfile.encoding=UTF-8",
           "-cp", "$classpath", "org.classicnlp.notebook.ClassicNlpKernel", "{connection_file}"],
  "display_name": "Java (ClassicNLP)",
  "language": "java",
  "interrupt_mode": "message"
}
JSON
)
if [ -f "$spec_dir/kernel.json" ] && [ "$(cat "$spec_dir/kernel.json")" = "$spec" ]; then
  echo "install-kernel: kernel spec up to date in $spec_dir" >&2
else
  mkdir -p "$spec_dir"
  printf '%s\n' "$spec" > "$spec_dir/kernel.json"
  echo "install-kernel: installed kernel spec classicnlp-java in $spec_dir" >&2
fi
