package dev.heed.checker.flow;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the analysis of one method reads from its whole class, kept for the other methods of that
 * class that are analysed: what wraps what ({@link Wrappers}) is read from every initializer and
 * assignment of the class, which each method's analysis would otherwise read again. Holds one
 * compilation unit at a time.
 */
public final class FlowCache {
  private @Nullable CompilationUnitTree unit;
  private final IdentityHashMap<ClassTree, Map<Object, Wrappers.Link>> linksByClass =
      new IdentityHashMap<>();

  Map<Object, Wrappers.Link> links(
      TreePath classPath, Function<ClassTree, Map<Object, Wrappers.Link>> read) {
    if (classPath.getCompilationUnit() != unit) {
      unit = classPath.getCompilationUnit();
      linksByClass.clear();
    }
    ClassTree type = (ClassTree) classPath.getLeaf();
    Map<Object, Wrappers.Link> links = linksByClass.get(type);
    if (links == null) {
      links = read.apply(type);
      linksByClass.put(type, links);
    }
    return links;
  }
}
