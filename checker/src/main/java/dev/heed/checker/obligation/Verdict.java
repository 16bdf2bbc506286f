package dev.heed.checker.obligation;

import dev.heed.checker.catalogue.Category;
import org.jspecify.annotations.Nullable;

/**
 * What a method's result owes, whatever the call site: decided once per method symbol.
 *
 * @param kind the sort of value, or null for {@link #NONE}
 * @param category the model's category for a modelled method, otherwise null
 * @param ofMethod whether the method itself owes it, not its result's type: a {@code @MustUse} on
 *     it or on one it overrides, a model of it, or what its body returns
 */
public record Verdict(
    Obligation.@Nullable Kind kind,
    String consequence,
    String remedy,
    @Nullable Category category,
    boolean ofMethod) {

  /** The result owes nothing. */
  public static final Verdict NONE = new Verdict(null, "", "", null, false);

  Verdict(Obligation.Kind kind, String consequence, String remedy) {
    this(kind, consequence, remedy, null, false);
  }

  Verdict(Obligation.Kind kind, String consequence, String remedy, @Nullable Category category) {
    this(kind, consequence, remedy, category, category != null);
  }

  /** This verdict, as owed by the method itself. */
  Verdict owedByMethod() {
    return new Verdict(kind, consequence, remedy, category, true);
  }

  public boolean isNone() {
    return kind == null;
  }
}
