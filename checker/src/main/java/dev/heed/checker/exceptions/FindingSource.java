package dev.heed.checker.exceptions;

import com.google.errorprone.VisitorState;
import com.sun.source.util.TreePath;
import java.util.function.BiConsumer;

/**
 * What a check finds in a compilation unit, before any exception excuses it: each check that
 * reports drops or races provides one, so that {@link ExcuseIndex} can tell which exceptions excuse
 * something without knowing any check.
 */
public interface FindingSource {
  /**
   * Calls {@code found} with the path of each reported tree in the unit at {@code unit} and the
   * name of the check that reports it, whatever the checks' severities.
   */
  void findAll(TreePath unit, VisitorState state, BiConsumer<TreePath, String> found);
}
