package dev.heed.checker.obligation;

import java.util.Optional;

/** An async result (an {@code async-type} or {@code lazy-type}) that no earlier rule exempted. */
final class AsyncResultRule implements ResultRule {
  private static final Verdict LAZY =
      new Verdict(
          Obligation.Kind.ASYNC,
          "nothing subscribes to it, so the work it describes never runs and its errors are never"
              + " seen",
          "Subscribe to it, compose it into the chain, return it");
  private static final Verdict EAGER =
      new Verdict(
          Obligation.Kind.ASYNC,
          "if it fails, nobody sees the exception",
          "Wait for it (get, join), chain on it, return it");

  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    if (!method.async()) {
      return Optional.empty();
    }
    return Optional.of(method.lazy() ? LAZY : EAGER);
  }
}
