package dev.heed.checker.report;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.util.TreePath;
import javax.inject.Inject;

/**
 * The one door every Heed finding leaves through, so that what happens to a finding besides being
 * reported to javac (a baseline of known findings, a SARIF log) has one place. One instance per
 * compilation, shared by the checks through Error Prone's injector.
 */
public final class Reporter {
  /** Called by Error Prone's injector. */
  @Inject
  public Reporter() {}

  /**
   * Reports {@code description}, a finding of the check called {@code check} on the tree at {@code
   * at}.
   */
  public void report(String check, TreePath at, Description description, VisitorState state) {
    state.reportMatch(description);
  }
}
