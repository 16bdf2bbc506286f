package dev.heed.checker.obligation;

import java.util.Optional;

/**
 * The future of a close, shutdown or abort tracks only the teardown's own failure, not data: the
 * data a close can lose is CloseBeforeFlush's to report, at the close that races a write. Both
 * checks read one list of teardown words from the catalogue, so every teardown left here is one
 * CloseBeforeFlush knows.
 */
final class TeardownRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.async()
            && method.catalogue().isTeardown(method.method().getSimpleName().toString())
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }
}
