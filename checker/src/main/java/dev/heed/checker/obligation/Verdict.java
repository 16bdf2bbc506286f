package dev.heed.checker.obligation;

import dev.heed.checker.catalogue.Category;
import org.jspecify.annotations.Nullable;

/**
 * What a method's result owes, whatever the call site: decided once per method symbol.
 *
 * @param kind the sort of value, or null for {@link #NONE}
 * @param category the model's category for a modelled method, otherwise null
 */
public record Verdict(
    Obligation.@Nullable Kind kind,
    String consequence,
    String remedy,
    @Nullable Category category) {

  /** The result owes nothing. */
  public static final Verdict NONE = new Verdict(null, "", "", null);

  Verdict(Obligation.Kind kind, String consequence, String remedy) {
    this(kind, consequence, remedy, null);
  }

  public boolean isNone() {
    return kind == null;
  }
}
