package dev.heed.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;

/**
 * Reviewed exceptions (design §5): a declaration annotated {@code @AllowDiscard(reason = "...")}
 * (ours, or any annotation with that simple name) excuses the drops inside it, and nothing outside
 * it.
 */
final class ReviewedExceptions {
  static final String ALLOW_DISCARD = "AllowDiscard";

  private ReviewedExceptions() {}

  /** Whether a declaration on {@code path}, from the reported tree outwards, allows the drop. */
  static boolean allow(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      ModifiersTree modifiers = modifiers(p.getLeaf());
      if (modifiers != null
          && modifiers.getAnnotations().stream().anyMatch(ReviewedExceptions::isAllowDiscard)) {
        return true;
      }
    }
    return false;
  }

  private static ModifiersTree modifiers(Tree declaration) {
    if (declaration instanceof VariableTree variable) {
      return variable.getModifiers();
    }
    if (declaration instanceof MethodTree method) {
      return method.getModifiers();
    }
    if (declaration instanceof ClassTree type) {
      return type.getModifiers();
    }
    return null;
  }

  private static boolean isAllowDiscard(AnnotationTree annotation) {
    Tree type = annotation.getAnnotationType();
    String name =
        type instanceof MemberSelectTree select
            ? select.getIdentifier().toString()
            : type instanceof IdentifierTree identifier ? identifier.getName().toString() : "";
    return name.equals(ALLOW_DISCARD);
  }
}
