package dev.heed.checker.obligation;

import dev.heed.checker.trees.Names;
import java.util.Optional;

/**
 * A wrapper: a method whose every {@code return} yields a must-use value obtained from a must-use
 * call ({@code return ch.write(b);}, {@code return ok ? queue.offer(e) : false;}) passes that
 * obligation on to its callers, reported by the same check as its origin, with the origin named. A
 * wrapper that makes good the obligation itself (a drain loop, a checked result) returns no
 * must-use value and passes nothing on. Transitive: a wrapper of a wrapper is one too.
 */
final class InferredObligationRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    if (!(method.summary().get() instanceof ReturnSummaries.Inferred inferred)) {
      return Optional.empty();
    }
    Obligation origin = inferred.origin();
    String consequence =
        Names.describe(method.method())
            + " returns the "
            + origin.valueType()
            + " of "
            + origin.method()
            + " at "
            + inferred.file()
            + ":"
            + inferred.line()
            + ": "
            + stripBut(origin.consequence());
    return Optional.of(
        new Verdict(origin.kind(), consequence, origin.remedy(), origin.category(), true));
  }

  /** "but X is marked @MustUse: ..." reads as a clause; after a colon it needs no "but". */
  private static String stripBut(String consequence) {
    return consequence.startsWith("but ") ? consequence.substring("but ".length()) : consequence;
  }
}
