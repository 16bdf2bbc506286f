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
 * Reports a dropped async result: a {@code Future}, {@code CompletionStage}, reactive publisher or
 * any type named by {@code -XepOpt:Heed:AsyncTypes}. A dropped future hides its failure; a dropped
 * publisher never runs.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "An async result is dropped: its failure is never seen, or its work never runs",
    severity = WARNING,
    linkType = NONE, // HeedCheck links each finding to its page
    suppressionAnnotations = {})
public final class DiscardedFuture extends DiscardCheck {
  /**
   * Required by {@code ServiceLoader}, which finds the check; Error Prone then constructs it
   * through the injector, with flags.
   */
  public DiscardedFuture() {
    this(Engine.defaults());
  }

  private DiscardedFuture(Engine engine) {
    this(engine.discards(), engine.problems(), engine.reporter());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public DiscardedFuture(Discards discards, ConfigProblems problems, Reporter reporter) {
    super(HeedCheck.DISCARDED_FUTURE, discards, problems, reporter);
  }
}
