#!/usr/bin/env bash
# Builds $HEED_CORPUS/tools/noop.jar: five Error Prone checks that match nothing, registered for
# the same tree kinds as Heed's five (DiscardedFuture and DiscardedMustUse: seven kinds each;
# UnjustifiedDiscard: class, method, variable; CloseBeforeFlush: compilation unit, method call,
# method reference, try; MustUseCandidate: method).
# bench/warm.sh runs them as the "noop" configuration: the cost of Error Prone's dispatch to
# checks of Heed's shape, with none of Heed's work.
#   bench/noop.sh EP_CLASSPATH   (Error Prone and its dependencies, as warm.sh computes them)
set -euo pipefail
corpus=${HEED_CORPUS:-$HOME/.cache/heed-corpus}
jdk=${HEED_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
mkdir -p "$work/src/noop" "$work/classes/META-INF/services"
gen() { # class name, then the tree kinds it matches
  local name=$1 impl="" methods="" kind
  shift
  for kind in "$@"; do
    impl="$impl BugChecker.${kind}TreeMatcher,"
    methods="$methods
  @Override public Description match$kind(com.sun.source.tree.${kind}Tree t, VisitorState s) {
    return Description.NO_MATCH;
  }"
  done
  cat >"$work/src/noop/$name.java" <<JAVA
package noop;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
@BugPattern(summary = "matches nothing", severity = BugPattern.SeverityLevel.WARNING)
public final class $name extends BugChecker implements ${impl%,} {$methods
}
JAVA
  echo "noop.$name" >>"$work/classes/META-INF/services/com.google.errorprone.bugpatterns.BugChecker"
}
discard="CompilationUnit MethodInvocation NewClass MemberReference LambdaExpression Variable Assignment"
gen NoopA $discard
gen NoopB $discard
gen NoopC Class Method Variable
gen NoopD CompilationUnit MethodInvocation MemberReference Try
gen NoopE Method
"$jdk/bin/javac" -proc:none -cp "$1" -d "$work/classes" "$work"/src/noop/*.java
"$jdk/bin/jar" cf "$corpus/tools/noop.jar" -C "$work/classes" .
rm -rf "$work"
echo "$corpus/tools/noop.jar"
