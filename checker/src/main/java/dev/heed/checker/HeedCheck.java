package dev.heed.checker;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import dev.heed.checker.obligation.Obligation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Heed's checks: the one place that owns each check's name (its class's name, as Error Prone
 * derives it) and the link to its documentation page.
 */
public enum HeedCheck {
  DISCARDED_FUTURE(DiscardedFuture.class),
  DISCARDED_MUST_USE(DiscardedMustUse.class),
  CLOSE_BEFORE_FLUSH(CloseBeforeFlush.class),
  UNJUSTIFIED_DISCARD(UnjustifiedDiscard.class),
  MUST_USE_CANDIDATE(MustUseCandidate.class);

  /** Where the documentation pages are in the Heed repository. */
  static final String DOCS = "docs/";

  /** Where the same pages are inside the heed-checker jar (copied there by the build). */
  public static final String JAR_DOCS = "META-INF/heed/docs/";

  private final Class<? extends BugChecker> type;
  private final String link;

  HeedCheck(Class<? extends BugChecker> type) {
    this.type = type;
    URL url = docsUrl();
    this.link = docsPage() + " in the Heed repository" + (url == null ? "" : ", or " + url);
  }

  /** The name users write in {@code -Xep:Name:LEVEL} and that prefixes each diagnostic. */
  public String checkName() {
    return type.getSimpleName();
  }

  /** The check's one-line summary, from its {@code @BugPattern}. */
  public String summary() {
    return type.getAnnotation(BugPattern.class).summary();
  }

  /** The check's default severity, from its {@code @BugPattern}. */
  public BugPattern.SeverityLevel severity() {
    return type.getAnnotation(BugPattern.class).severity();
  }

  /** The check's page in the Heed repository, such as {@code docs/DiscardedFuture.md}. */
  public String docsPage() {
    return DOCS + checkName() + ".md";
  }

  /**
   * The check's page where this heed-checker runs from: a URL of the page inside the jar (a {@code
   * jar:file:...!/META-INF/heed/docs/<check>.md} a user can open, for example with {@code unzip -p
   * <jar> META-INF/heed/docs/<check>.md}), or null if the jar lacks it.
   */
  public @Nullable URL docsUrl() {
    return HeedCheck.class.getClassLoader().getResource(JAR_DOCS + checkName() + ".md");
  }

  /** The page's text, from the jar, or empty if the jar lacks it. */
  public String docsText() {
    URL url = docsUrl();
    if (url == null) {
      return "";
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The link each diagnostic ends with, {@code (see ...)}: where the page is in the repository and
   * where it is on this machine, inside the heed-checker jar.
   */
  public String docsLink() {
    return link;
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
