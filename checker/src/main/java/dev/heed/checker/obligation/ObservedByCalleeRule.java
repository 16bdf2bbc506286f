package dev.heed.checker.obligation;

import java.util.Optional;

/**
 * A method of this compilation that attaches its own failure handling to every future it returns
 * ({@code f.addListener(CLOSE_ON_FAILURE); return f;}) has observed it: its callers may drop the
 * result, as they could drop the {@code addListener(...)} call itself. Read from the body ({@link
 * ObservedReturns}); lazy types keep their obligation, since a dropped cold stage never runs.
 */
final class ObservedByCalleeRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.async()
            && !method.lazy()
            && method.summary().get() instanceof ReturnSummaries.Observed
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }
}
