package dev.heed.checker.config;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Where configuration problems go: bad flags, malformed model files, an inventory that cannot be
 * written. Each is reported once per compilation as a plain compiler error starting {@code [Heed]},
 * and while any exists the checks report nothing, so a user sees the one message that matters.
 */
public final class ConfigProblems {
  private final List<String> problems = new ArrayList<>();
  private int reported;

  /** Called by Error Prone's injector: one instance per compilation, shared by the checks. */
  @Inject
  public ConfigProblems(HeedOptions options) {
    problems.addAll(options.problems());
  }

  /** Records a problem found after the flags were parsed, such as a malformed model file. */
  public void add(String message) {
    problems.add(message);
  }

  /** Whether any problem was found, reported or not. */
  public boolean any() {
    return !problems.isEmpty();
  }

  /**
   * Returns whether the configuration is sound. The first call after a problem was added reports it
   * as a compiler error; the compilation then fails and the checks stay silent.
   */
  public boolean none(VisitorState state) {
    if (reported < problems.size()) {
      Log log = Log.instance(state.context);
      for (String problem : problems.subList(reported, problems.size())) {
        log.error(new JCDiagnostic.Error("compiler", "proc.messager", "[Heed] " + problem));
      }
      reported = problems.size();
    }
    return problems.isEmpty();
  }
}
