package dev.heed.checker.discard;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import dev.heed.checker.config.HeedOptions;
import dev.heed.checker.obligation.Obligation;
import dev.heed.checker.obligation.Obligations;
import dev.heed.checker.trees.Names;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The discard engine shared by the drop checks: finds where a must-use value is dropped (the five
 * sites of {@link Site}) and words the finding. It knows no check: a finding carries its {@link
 * Obligation.Kind}, and each check reports the kinds it owns. One instance per compilation, shared
 * through Error Prone's injector.
 */
public final class Discards {

  /** A dropped must-use value. */
  public record Discard(Obligation obligation, Site site, String local, String remedy) {
    Discard(Obligation obligation, Site site, String local) {
      this(obligation, site, local, obligation.remedy());
    }

    /** The diagnostic: what was dropped, where, what is lost, and how to use it instead. */
    public String message() {
      String verb = obligation.method().startsWith("new ") ? "created by " : "returned by ";
      String consequence = obligation.consequence();
      return "The "
          + obligation.valueType()
          + " "
          + verb
          + obligation.method()
          + " "
          + site.verbPhrase(local)
          + (consequence.startsWith("but ") ? ", " : ": ")
          + consequence
          + ". "
          + remedy
          + ", or write @AllowDiscard(reason = \"...\") on a declaration around it.";
    }
  }

  private final Obligations obligations;
  private final HeedOptions options;
  private final LocalReads localReads = new LocalReads();

  /** The last tree asked about and its answer: each discard check asks about every node. */
  private @Nullable Tree lastTree;

  private Optional<Discard> lastDiscard = Optional.empty();

  /** Called by Error Prone's injector. */
  @Inject
  public Discards(Obligations obligations, HeedOptions options) {
    this.obligations = obligations;
    this.options = options;
  }

  /** How the drop at one kind of tree is found: {@code Discards::ofCall} and the like. */
  @FunctionalInterface
  public interface Finder<T extends Tree> {
    /** The drop at {@code tree}, if any. */
    Optional<Discard> find(Discards discards, T tree, VisitorState state);
  }

  /**
   * The discard at {@code tree}, computed once for all the checks that ask about it in turn (Error
   * Prone runs every check's matcher on a node before it moves on).
   */
  public <T extends Tree> Optional<Discard> memoized(T tree, VisitorState state, Finder<T> finder) {
    if (tree != lastTree) {
      lastDiscard = finder.find(this, tree, state);
      lastTree = tree;
    }
    return lastDiscard;
  }

  /** Sites 1 and 2: a call whose value is dropped by its statement or void lambda. */
  public Optional<Discard> ofCall(ExpressionTree call, VisitorState state) {
    TreePath parentPath = state.getPath().getParentPath();
    Tree parent = parentPath.getLeaf();
    Site site;
    if (parent instanceof ExpressionStatementTree) {
      site = Site.STATEMENT;
    } else if (parent instanceof LambdaExpressionTree lambda
        && lambda.getBody() == call
        && returnsVoid(lambda, state)) {
      site = Site.VOID_LAMBDA;
    } else {
      return Optional.empty();
    }
    // The obligation first: it is a cached lookup, and most calls owe nothing.
    Optional<Obligation> obligation = obligations.of(call, state.getPath(), state);
    if (obligation.isEmpty() || TestCourtesy.applies(call, state)) {
      return Optional.empty();
    }
    return Optional.of(new Discard(obligation.get(), site, ""));
  }

  /** Site 3: a method or constructor reference whose functional method returns void. */
  public Optional<Discard> ofMethodReference(MemberReferenceTree reference, VisitorState state) {
    if (!returnsVoid(reference, state)) {
      return ofWrappedByStage(state.getPath(), state);
    }
    if (Matchers.isThrowingFunctionalInterface(ASTHelpers.getType(reference), state)) {
      return Optional.empty();
    }
    return obligations
        .of(reference, state.getPath(), state)
        .map(o -> new Discard(o, Site.VOID_METHOD_REFERENCE, ""));
  }

  /** A lambda whose async result a stage wraps instead of running ({@link NestedStages}). */
  public Optional<Discard> ofLambda(LambdaExpressionTree lambda, VisitorState state) {
    return ofWrappedByStage(state.getPath(), state);
  }

  private Optional<Discard> ofWrappedByStage(TreePath function, VisitorState state) {
    MethodInvocationTree stage = NestedStages.wrappingStage(function, state, obligations);
    ExpressionTree call = stage == null ? null : NestedStages.returnedCall(function.getLeaf());
    if (call == null) {
      return Optional.empty();
    }
    TreePath callPath = call == function.getLeaf() ? function : new TreePath(function, call);
    String stageName = Names.describe(ASTHelpers.getSymbol(stage));
    return obligations
        .of(call, callPath, state)
        .filter(o -> o.kind() == Obligation.Kind.ASYNC)
        .map(o -> new Discard(o, Site.WRAPPED_BY_STAGE, stageName, NestedStages.remedy(stage)));
  }

  /** Sites 4 and 5: {@code var _ = f();}, or a local initialized by a call and never read. */
  public Optional<Discard> ofVariable(VariableTree variable, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(variable);
    if (variable.getInitializer() == null || !LocalReads.isLocal(symbol)) {
      return Optional.empty();
    }
    List<ExpressionTree> calls = ResultCalls.of(variable.getInitializer());
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    // The site first: most locals are read within a few statements, while each distinct callee's
    // verdict runs the whole rule chain.
    String name = variable.getName().toString();
    Site site;
    if (name.isEmpty() || name.equals("_")) {
      site = Site.UNNAMED_VARIABLE;
    } else if (options.unreadLocals()
        && !LocalReads.isReadAfter(state.getPath(), (VarSymbol) symbol)) {
      site = Site.UNREAD_LOCAL;
    } else {
      return Optional.empty();
    }
    return firstObligation(calls, state).map(o -> new Discard(o, site, name));
  }

  /** Site 5 again: {@code local = f();} as a statement, where {@code local} is never read. */
  public Optional<Discard> ofAssignment(AssignmentTree assignment, VisitorState state) {
    List<ExpressionTree> calls = ResultCalls.of(assignment.getExpression());
    Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
    if (calls.isEmpty()
        || !(state.getPath().getParentPath().getLeaf() instanceof ExpressionStatementTree)
        || !LocalReads.isLocal(target)) {
      return Optional.empty();
    }
    if (!options.unreadLocals() || localReads.isReadAround(state.getPath(), (VarSymbol) target)) {
      return Optional.empty();
    }
    return firstObligation(calls, state)
        .map(o -> new Discard(o, Site.UNREAD_LOCAL, target.getSimpleName().toString()));
  }

  /** The drop at {@code path}'s leaf, whatever kind of tree it is. */
  public Optional<Discard> at(TreePath path, VisitorState state) {
    return switch (path.getLeaf()) {
      case MethodInvocationTree call -> ofCall(call, state);
      case NewClassTree call -> ofCall(call, state);
      case MemberReferenceTree reference -> ofMethodReference(reference, state);
      case LambdaExpressionTree lambda -> ofLambda(lambda, state);
      case VariableTree variable -> ofVariable(variable, state);
      case AssignmentTree assignment -> ofAssignment(assignment, state);
      default -> Optional.empty();
    };
  }

  /** One finding per variable, for the first must-use value that can flow into it. */
  private Optional<Obligation> firstObligation(List<ExpressionTree> calls, VisitorState state) {
    for (ExpressionTree call : calls) {
      Optional<Obligation> obligation = obligations.of(call, state.getPath(), state);
      if (obligation.isPresent()) {
        return obligation;
      }
    }
    return Optional.empty();
  }

  /** Whether a lambda's or method reference's functional method returns void. */
  public static boolean returnsVoid(ExpressionTree functional, VisitorState state) {
    Type type = ASTHelpers.getType(functional);
    if (type == null || type.isErroneous()) {
      return false;
    }
    try {
      return state.getTypes().findDescriptorType(type).getReturnType().getKind() == TypeKind.VOID;
    } catch (FunctionDescriptorLookupError e) {
      return false; // not a functional interface: code javac has already rejected
    }
  }
}
