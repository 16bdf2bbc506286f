package dev.heed.checker.obligation;

import java.util.Optional;

/**
 * An async call that also takes a {@code *Callback} delivers its result and failure there: the
 * returned future is redundant ({@code client.execute(request, callback)}).
 */
final class CallbackParameterRule implements ResultRule {
  private static final String CALLBACK = "Callback";

  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.async()
            && method.method().getParameters().stream()
                .anyMatch(
                    p ->
                        p.type.tsym != null
                            && p.type.tsym.getSimpleName().toString().endsWith(CALLBACK))
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }
}
