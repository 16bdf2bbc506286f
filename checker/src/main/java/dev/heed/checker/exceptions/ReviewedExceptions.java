package dev.heed.checker.exceptions;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reviewed exceptions: a declaration annotated {@code @AllowDiscard(reason = "...")} (ours, or any
 * annotation with that simple name) excuses the drops inside it, and nothing outside it. A drop
 * belongs to the innermost such declaration around it.
 */
public final class ReviewedExceptions {
  public static final String ALLOW_DISCARD = "AllowDiscard";

  private ReviewedExceptions() {}

  /** Whether a declaration on {@code path}, from the reported tree outwards, allows the drop. */
  public static boolean allow(TreePath path) {
    return innermost(path) != null;
  }

  /** The innermost declaration on {@code path} (the leaf included) carrying an exception. */
  public static @Nullable Tree innermost(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (allowDiscard(p.getLeaf()).isPresent()) {
        return p.getLeaf();
      }
    }
    return null;
  }

  /** The {@code @AllowDiscard} on {@code declaration}, if it is a declaration that carries one. */
  public static Optional<AnnotationTree> allowDiscard(Tree declaration) {
    ModifiersTree modifiers = modifiers(declaration);
    if (modifiers == null) {
      return Optional.empty();
    }
    return modifiers.getAnnotations().stream()
        .filter(a -> simpleName(a).equals(ALLOW_DISCARD))
        .map(a -> (AnnotationTree) a)
        .findFirst();
  }

  /** The exception's reason; empty when it is missing or not a constant. */
  public static String reason(AnnotationTree annotation) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree name
          && name.getName().contentEquals("reason")) {
        String reason = ASTHelpers.constValue(assignment.getExpression(), String.class);
        return reason == null ? "" : reason;
      }
    }
    return "";
  }

  public static @Nullable ModifiersTree modifiers(Tree declaration) {
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

  /**
   * {@code AllowDiscard} for {@code @AllowDiscard} and {@code @dev.heed.annotations.AllowDiscard}.
   */
  public static String simpleName(AnnotationTree annotation) {
    Tree type = annotation.getAnnotationType();
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    return type instanceof IdentifierTree identifier ? identifier.getName().toString() : "";
  }
}
