package dev.heed.checker.obligation;

import java.util.Optional;

/** {@code @MustUse} on the method or on one it overrides: the annotation's text is what is lost. */
final class AnnotatedMethodRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method
        .withAnnotatableOverridden()
        .map(m -> method.annotations().on(m))
        .flatMap(Optional::stream)
        .findFirst()
        .map(mustUse -> mustUse.verdict().owedByMethod());
  }
}
