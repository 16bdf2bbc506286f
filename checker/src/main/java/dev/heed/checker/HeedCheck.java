package dev.heed.checker;

import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import dev.heed.checker.obligation.Obligation;
import java.util.Arrays;
import java.util.Optional;

/**
 * Heed's checks: the one place that owns each check's name (its class's name, as Error Prone
 * derives it) and the link to its documentation page.
 */
public enum HeedCheck {
  DISCARDED_FUTURE(DiscardedFuture.class),
  DISCARDED_MUST_USE(DiscardedMustUse.class),
  CLOSE_BEFORE_FLUSH(CloseBeforeFlush.class),
  UNJUSTIFIED_DISCARD(UnjustifiedDiscard.class);

  /** Where the documentation pages are, relative to the repository. */
  static final String DOCS = "docs/";

  private final Class<? extends BugChecker> type;

  HeedCheck(Class<? extends BugChecker> type) {
    this.type = type;
  }

  /** The name users write in {@code -Xep:Name:LEVEL} and that prefixes each diagnostic. */
  public String checkName() {
    return type.getSimpleName();
  }

  /** The check's documentation page. */
  public String docsLink() {
    return DOCS + checkName() + ".md";
  }

  /** {@code description} with this check's documentation link. */
  Description.Builder linked(Description.Builder description) {
    return description.setLinkUrl(docsLink());
  }

  /** The check that reports a dropped value of {@code kind}. */
  static HeedCheck reporting(Obligation.Kind kind) {
    return switch (kind) {
      case ASYNC -> DISCARDED_FUTURE;
      case MUST_USE -> DISCARDED_MUST_USE;
    };
  }

  /** The check called {@code name}, if it is one of Heed's. */
  public static Optional<HeedCheck> named(String name) {
    return Arrays.stream(values()).filter(c -> c.checkName().equals(name)).findFirst();
  }
}
