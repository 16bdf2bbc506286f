package dev.heed.checker.exceptions;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.Multiset;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which findings each reviewed exception excuses, by check name: every finding whose innermost
 * {@code @AllowDiscard} declaration is that one. Built once per compilation unit, the first time a
 * unit's exception asks, from the findings of every registered {@link FindingSource}.
 */
public final class ExcuseIndex {
  private final ImmutableList<FindingSource> sources;
  private @Nullable CompilationUnitTree unit;
  private Map<Tree, Multiset<String>> excused = Map.of();

  public ExcuseIndex(ImmutableList<FindingSource> sources) {
    this.sources = sources;
  }

  /** The findings that the exception on {@code declaration} excuses, by check name. */
  public ImmutableMultiset<String> excusedBy(Tree declaration, VisitorState state) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      excused = build(new TreePath(current), state);
    }
    Multiset<String> checks = excused.get(declaration);
    return checks == null ? ImmutableMultiset.of() : ImmutableMultiset.copyOf(checks);
  }

  private Map<Tree, Multiset<String>> build(TreePath unitPath, VisitorState state) {
    Map<Tree, Multiset<String>> index = new HashMap<>();
    for (FindingSource source : sources) {
      source.findAll(
          unitPath,
          state,
          (path, check) -> {
            Tree exception = ReviewedExceptions.innermost(path);
            if (exception != null) {
              index.computeIfAbsent(exception, d -> HashMultiset.create()).add(check);
            }
          });
    }
    return index;
  }
}
