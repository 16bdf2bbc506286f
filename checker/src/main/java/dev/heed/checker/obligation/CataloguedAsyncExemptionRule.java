package dev.heed.checker.obligation;

import com.google.common.collect.ImmutableList;
import dev.heed.checker.catalogue.Category;
import java.util.Optional;

/**
 * An async method the catalogue names as dropping nothing: it returns its receiver, which the
 * caller holds ({@code returns-receiver}); its callback receives the failure ({@code
 * observes-failure}); or the result is kept elsewhere ({@code result-kept}).
 */
final class CataloguedAsyncExemptionRule implements ResultRule {
  private static final ImmutableList<Category> EXEMPT =
      ImmutableList.of(Category.RETURNS_RECEIVER, Category.OBSERVES_FAILURE, Category.RESULT_KEPT);

  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.async()
            && EXEMPT.stream()
                .anyMatch(c -> method.catalogue().names(c, method.method(), method.types()))
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }
}
