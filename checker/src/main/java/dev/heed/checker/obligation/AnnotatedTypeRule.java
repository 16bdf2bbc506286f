package dev.heed.checker.obligation;

import java.util.Optional;

/** A result whose type, or one of its supertypes, is marked {@code @MustUse}. */
final class AnnotatedTypeRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    if (method.declared() == null) {
      return Optional.empty();
    }
    return method
        .annotations()
        .onType(method.declared(), method.types())
        .map(MustUseAnnotations.MustUse::verdict);
  }
}
