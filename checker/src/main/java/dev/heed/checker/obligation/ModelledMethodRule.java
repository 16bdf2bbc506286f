package dev.heed.checker.obligation;

import java.util.Optional;

/** A method the catalogue models as must-use (a short write, a refused offer, a timed-out wait). */
final class ModelledMethodRule implements ResultRule {
  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method
        .catalogue()
        .mustUseModel(method.method(), method.lazilyOverridden(), method.types())
        .map(
            model ->
                new Verdict(
                    Obligation.Kind.MUST_USE,
                    model.comment(),
                    model.category().remedy(),
                    model.category()));
  }
}
