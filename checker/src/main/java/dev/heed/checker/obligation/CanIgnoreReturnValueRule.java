package dev.heed.checker.obligation;

import java.util.Optional;

/** {@code @CanIgnoreReturnValue} on the method or one it overrides: its author says so. */
final class CanIgnoreReturnValueRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.withAnnotatableOverridden().anyMatch(MustUseAnnotations::canIgnore)
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }
}
