#!/usr/bin/env bash
# Proves that a library user gets only what the library needs (issue #10, item 11):
#   1. no library class (outside org.classicnlp.cli) refers to the CLI's picocli, progressbar or jline;
#   2. a fresh Maven project depending on org.classicnlp:classicnlp has none of them on its classpath,
#      compiles, and segments text with Segmenters.standard();
#   3. the runnable target/classicnlp.jar still bundles them and segments the same text the same way.
# Needs the jars from `mvn package` (or verify); .ci/run calls it after the test suite.
# The artifact is installed into a throw-away local repository; the user's ~/.m2 (CLASSICNLP_M2 overrides it)
# is only read, as a file:// repository, so nothing is downloaded when it already holds the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "consumer-check: FAIL: $*" >&2; exit 1; }

VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
LIB=target/classicnlp-$VERSION.jar
CLI=target/classicnlp.jar
[ -f "$LIB" ] && [ -f "$CLI" ] || fail "$LIB or $CLI missing: run mvn package first"

# 1. library code never refers to CLI-only dependencies
if grep -rlE '(^import|[^a-z.])(picocli|me\.tongfei|org\.jline)\.' src/main/java --include='*.java' | grep -v '/org/classicnlp/cli/'; then
  fail "the library classes above refer to picocli/progressbar/jline, which only the CLI may use"
fi

USER_M2=${CLASSICNLP_M2:-$HOME/.m2/repository}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/classicnlp-consumer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
REPO=$WORK/m2

# 2a. install the library jar and its pom into the throw-away repository
mvn -B -ntp -q install:install-file -Dfile="$LIB" -DpomFile=pom.xml -DlocalRepositoryPath="$REPO" \
  || fail "cannot install $LIB into $REPO"

# 2b. a consumer project: one main class that segments a line
mkdir -p "$WORK/consumer/src/main/java/check"
cat > "$WORK/consumer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ci.check</groupId>
  <artifactId>classicnlp-consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <repository><id>user-m2</id><url>file://$USER_M2</url></repository>
  </repositories>
  <pluginRepositories>
    <pluginRepository><id>user-m2</id><url>file://$USER_M2</url></pluginRepository>
  </pluginRepositories>
  <dependencies>
    <dependency>
      <groupId>org.classicnlp</groupId>
      <artifactId>classicnlp</artifactId>
      <version>$VERSION</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
POM
cat > "$WORK/consumer/src/main/java/check/Consumer.java" <<'JAVA'
package check;

import org.classicnlp.segment.Segmenters;

public class Consumer {
    public static void main(String[] args) {
        System.out.println(String.join(" ", Segmenters.standard().words(args[0])));
    }
}
JAVA
(cd "$WORK/consumer" && mvn -B -ntp -q -Dmaven.repo.local="$REPO" compile dependency:build-classpath \
    -Dmdep.outputFile=classpath.txt -Dmdep.includeScope=runtime) || fail "the consumer project does not build"
CP=$(cat "$WORK/consumer/classpath.txt")
echo "$CP" | tr ':' '\n' | grep -q "classicnlp-$VERSION.jar" || fail "classicnlp is not on the consumer's classpath: $CP"
if echo "$CP" | tr ':' '\n' | grep -iE 'picocli|progressbar|jline'; then
  fail "a library user gets the CLI-only jars above"
fi
if echo "$CP" | tr ':' '\n' | grep -E '/org/apache/spark/|/org/scala-lang/'; then
  fail "a library user gets Spark or Scala jars (only classicnlp-spark may use them, as provided)"
fi
# CoreNLP (GPL-3.0, issue 11) is optional: neither a library user nor the runnable jar gets it
if echo "$CP" | tr ':' '\n' | grep -iE 'stanford'; then
  fail "a library user gets CoreNLP (above); it must stay a provided/test dependency"
fi
if unzip -l "$CLI" 'edu/stanford/*' > /dev/null 2>&1; then
  fail "$CLI bundles CoreNLP classes (edu/stanford/...)"
fi

# 2c. run it, and 3. compare with the runnable jar
TEXT='我用Java写了NLP程序，version 2.0。研究生命起源。'
GOT=$(java -cp "$WORK/consumer/target/classes:$CP" check.Consumer "$TEXT" 2>/dev/null) || fail "the consumer's main failed"
[ -n "$GOT" ] || fail "the consumer printed nothing"
CLI_GOT=$(printf '%s\n' "$TEXT" | java -jar "$CLI" segment) || fail "$CLI segment failed"
[ "$GOT" = "$CLI_GOT" ] || fail "library and CLI disagree: '$GOT' vs '$CLI_GOT'"
for cls in picocli/CommandLine.class me/tongfei/progressbar/ProgressBar.class; do
  unzip -l "$CLI" "$cls" > /dev/null || fail "$CLI lacks $cls"
done
echo "consumer-check: ok: the library's classpath has no CLI-only jars ($(echo "$CP" | tr ':' '\n' | wc -l) jars); both print: $GOT"
