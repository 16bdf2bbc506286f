package dev.heed.checker.obligation;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.trees.MethodPaths;
import dev.heed.checker.trees.Returns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a method of this compilation returns, read from its body, once per method symbol: every
 * {@code return} yields its receiver or a parameter (it creates no new value), every one yields a
 * future whose failure the method observed, or every one yields a must-use value obtained from a
 * must-use call (it passes that obligation on to its callers). Methods without a body in this
 * compilation (binary, abstract, native) have no summary.
 */
final class ReturnSummaries {
  /** How deep wrappers of wrappers are followed before giving up. */
  private static final int MAX_DEPTH = 8;

  /** What a method's returns yield. */
  sealed interface Summary {}

  /** Nothing certain: no body, a return of some other value, or a cycle. */
  record Unknown() implements Summary {}

  /**
   * Every return yields the receiver or one of the given parameters: the method creates no value,
   * it hands back one its caller gave it.
   *
   * @param receiver whether some return yields {@code this}
   * @param parameters the indexes of the parameters some return yields
   */
  record Passthrough(boolean receiver, ImmutableSet<Integer> parameters) implements Summary {}

  /**
   * Every return yields a must-use value of one origin.
   *
   * @param origin the obligation of the returned call, as reported there
   * @param file the simple name of the file of that call
   * @param line the line of that call
   */
  record Inferred(Obligation origin, String file, long line) implements Summary {}

  /**
   * Every return yields a future whose failure the method has already handed to a callback ({@link
   * ObservedReturns}): its callers owe it nothing.
   */
  record Observed() implements Summary {}

  private static final Summary UNKNOWN = new Unknown();

  private final Map<MethodSymbol, Summary> summaries = new HashMap<>();
  private final Set<MethodSymbol> inProgress = new HashSet<>();
  private final MethodPaths paths;

  ReturnSummaries(MethodPaths paths) {
    this.paths = paths;
  }

  /** The summary of {@code method}, reading its body with {@code obligations} for its calls. */
  Summary of(MethodSymbol method, VisitorState state, Obligations obligations) {
    return of(method, null, state, obligations);
  }

  /**
   * The summary of the method whose body is at {@code block} and whose {@code return}s yield {@code
   * returned} ({@link #returnedValues}), for a caller that has read them already.
   */
  Summary of(
      MethodSymbol method,
      TreePath block,
      List<TreePath> returned,
      VisitorState state,
      Obligations obligations) {
    return of(method, new Body(block, returned), state, obligations);
  }

  /** A method's body and the values its returns yield. */
  private record Body(TreePath block, List<TreePath> returned) {}

  private Summary of(
      MethodSymbol method, @Nullable Body known, VisitorState state, Obligations obligations) {
    Summary cached = summaries.get(method);
    if (cached != null) {
      return cached;
    }
    if (inProgress.size() >= MAX_DEPTH || !inProgress.add(method)) {
      return UNKNOWN; // recursion, or too deep: not cached, so an outer call can still decide
    }
    Summary summary;
    try {
      Body body = known != null ? known : body(method, state);
      summary = body == null ? UNKNOWN : summarize(method, body, state, obligations);
    } finally {
      inProgress.remove(method);
    }
    summaries.put(method, summary);
    return summary;
  }

  private @Nullable Body body(MethodSymbol method, VisitorState state) {
    if (method.isConstructor()) {
      return null;
    }
    TreePath path = paths.of(method, state);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return null;
    }
    TreePath block = new TreePath(path, tree.getBody());
    return new Body(block, returnedValues(block));
  }

  private Summary summarize(
      MethodSymbol method, Body body, VisitorState state, Obligations obligations) {
    List<TreePath> returned = body.returned();
    if (returned.isEmpty()) {
      return UNKNOWN;
    }
    Summary passthrough = passthrough(returned, method);
    if (passthrough != null) {
      return passthrough;
    }
    if (obligations.isEagerAsync(method.getReturnType(), state)
        && ObservedReturns.all(returned, body.block(), obligations.observedReturnFacts(state))) {
      return new Observed();
    }
    if (!mayPassOn(returned)) {
      return UNKNOWN; // most methods: a value that is no call, decided by the tree alone
    }
    Inferred inferred = null;
    for (TreePath value : returned) {
      ExpressionTree leaf = (ExpressionTree) value.getLeaf();
      if (leaf instanceof LiteralTree) {
        continue; // `ok ? queue.offer(e) : false`: a constant carries nothing, and hides nothing
      }
      if (!(leaf instanceof MethodInvocationTree || leaf instanceof NewClassTree)
          || !(ASTHelpers.getSymbol(leaf) instanceof MethodSymbol callee)
          || !obligations.mayOweByMethod(callee, state)) {
        return UNKNOWN; // decided without the callee's whole rule chain, for most calls
      }
      Optional<Obligation> obligation = obligations.of(leaf, value, state);
      if (obligation.isEmpty() || !obligation.get().ofMethod()) {
        // A value the wrapper need not use, or one it made good (a drain loop); or one whose
        // type owes it, which the wrapper's declared type then says (or hides, as Object).
        return UNKNOWN;
      }
      if (inferred == null) {
        long line =
            value
                .getCompilationUnit()
                .getLineMap()
                .getLineNumber(ASTHelpers.getStartPosition(leaf));
        inferred = new Inferred(obligation.get(), fileName(value), line);
      } else if (inferred.origin().kind() != obligation.get().kind()) {
        return UNKNOWN;
      }
    }
    return inferred == null ? UNKNOWN : inferred;
  }

  /** A {@link Passthrough} if every return yields {@code this} or a parameter, or else null. */
  private static @Nullable Summary passthrough(List<TreePath> returned, MethodSymbol method) {
    boolean receiver = false;
    ImmutableSet.Builder<Integer> parameters = ImmutableSet.builder();
    for (TreePath value : returned) {
      int source = passedIn(value.getLeaf(), method);
      if (source == NOT_PASSED_IN) {
        return null;
      }
      if (source == RECEIVER) {
        receiver = true;
      } else {
        parameters.add(source);
      }
    }
    return new Passthrough(receiver, parameters.build());
  }

  private static String fileName(TreePath path) {
    String name = path.getCompilationUnit().getSourceFile().getName();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /**
   * Whether a method whose {@code return}s yield {@code returned} could pass an obligation on:
   * every value is a call, a {@code new} or a constant, and one is not a constant. A cheap test on
   * the trees alone, with no symbol looked up, so that a check asking about every method reads only
   * these few bodies in full ({@link Inferred} needs it).
   */
  static boolean mayPassOn(List<TreePath> returned) {
    boolean callSeen = false;
    for (TreePath value : returned) {
      Tree leaf = value.getLeaf(); // asked for every method: instanceof, not a pattern switch
      if (leaf instanceof MethodInvocationTree || leaf instanceof NewClassTree) {
        callSeen = true;
      } else if (!(leaf instanceof LiteralTree)) {
        return false;
      }
    }
    return callSeen;
  }

  /** The values the body's {@code return}s yield, through parentheses, casts and {@code ?:}. */
  static List<TreePath> returnedValues(TreePath body) {
    List<TreePath> values = new ArrayList<>();
    for (TreePath statement : Returns.of(body)) {
      ExpressionTree value = ((ReturnTree) statement.getLeaf()).getExpression();
      if (value != null) {
        collect(new TreePath(statement, value), values);
      }
    }
    return values;
  }

  private static void collect(TreePath value, List<TreePath> values) {
    Tree leaf = value.getLeaf();
    if (leaf instanceof ParenthesizedTree p) {
      collect(new TreePath(value, p.getExpression()), values);
    } else if (leaf instanceof TypeCastTree cast) {
      collect(new TreePath(value, cast.getExpression()), values);
    } else if (leaf instanceof ConditionalExpressionTree c) {
      collect(new TreePath(value, c.getTrueExpression()), values);
      collect(new TreePath(value, c.getFalseExpression()), values);
    } else {
      values.add(value);
    }
  }

  private static final int RECEIVER = -1;
  private static final int NOT_PASSED_IN = -2;

  /** The index of the parameter {@code value} names, {@link #RECEIVER} for {@code this}. */
  private static int passedIn(Tree value, MethodSymbol method) {
    if (value instanceof IdentifierTree identifier) {
      if (identifier.getName().contentEquals("this")) {
        return method.isStatic() ? NOT_PASSED_IN : RECEIVER;
      }
      Symbol symbol = ASTHelpers.getSymbol(identifier);
      if (symbol instanceof VarSymbol variable && variable.getKind() == ElementKind.PARAMETER) {
        int index = method.getParameters().indexOf(variable);
        return index >= 0 && !(method.isVarArgs() && index == method.getParameters().size() - 1)
            ? index
            : NOT_PASSED_IN;
      }
    }
    return NOT_PASSED_IN;
  }
}
