package dev.heed.checker;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.discard.Discards;
import dev.heed.checker.report.Reporter;
import javax.inject.Inject;

/**
 * Reports a dropped value of a method or type marked {@code @MustUse} (or an annotation named by
 * {@code -XepOpt:Heed:MustUseAnnotations}): Java's analogue of Rust's {@code #[must_use]}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A @MustUse value is dropped: the obligation it carries is silently lost",
    severity = WARNING,
    linkType = NONE, // HeedCheck links each finding to its page
    suppressionAnnotations = {})
public final class DiscardedMustUse extends DiscardCheck {
  /**
   * Required by {@code ServiceLoader}, which finds the check; Error Prone then constructs it
   * through the injector, with flags.
   */
  public DiscardedMustUse() {
    this(Engine.defaults());
  }

  private DiscardedMustUse(Engine engine) {
    this(engine.discards(), engine.problems(), engine.reporter());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public DiscardedMustUse(Discards discards, ConfigProblems problems, Reporter reporter) {
    super(HeedCheck.DISCARDED_MUST_USE, discards, problems, reporter);
  }
}
