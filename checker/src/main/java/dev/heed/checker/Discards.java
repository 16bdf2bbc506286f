package dev.heed.checker;

import com.google.common.collect.ImmutableMultiset;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The discard engine shared by Heed's checks: finds where a must-use value is dropped (design §3)
 * and words the finding (design §4). One instance per compilation, shared by the checks through
 * Error Prone's injector.
 */
public final class Discards {

  /** A dropped must-use value. */
  record Discard(Obligation obligation, Site site, String local) {
    /** The diagnostic, in the tone of design §4. */
    String message() {
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
          + obligation.remedy()
          + ", or write @AllowDiscard(reason = \"...\") on a declaration around it.";
    }
  }

  private static final String CLOSE_BEFORE_FLUSH = "CloseBeforeFlush";

  private final Obligations obligations;
  private final LocalReads localReads = new LocalReads();

  /** The last tree asked about and its answer: each discard check asks about every node. */
  private @Nullable Tree lastTree;

  private Optional<Discard> lastDiscard = Optional.empty();

  /** Called by Error Prone's injector. */
  @Inject
  public Discards(Obligations obligations) {
    this.obligations = obligations;
  }

  /** An engine with every flag at its default, for checks constructed without the injector. */
  static Discards withDefaults() {
    HeedOptions options = new HeedOptions(ErrorProneFlags.empty());
    return new Discards(new Obligations(options, new Models(options)));
  }

  Obligations obligations() {
    return obligations;
  }

  /**
   * The discard at {@code tree}, computed once for all the checks that ask about it in turn (Error
   * Prone runs every check's matcher on a node before it moves on).
   */
  Optional<Discard> memoized(Tree tree, Supplier<Optional<Discard>> find) {
    if (tree != lastTree) {
      lastDiscard = find.get();
      lastTree = tree;
    }
    return lastDiscard;
  }

  /** Whether Heed's flags are valid; reports them once if not (see {@link HeedOptions}). */
  boolean enabled(VisitorState state) {
    return obligations.options().valid(state);
  }

  /** Sites 1 and 2: a call whose value is dropped by its statement or void lambda. */
  Optional<Discard> ofCall(ExpressionTree call, VisitorState state) {
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
    return obligations
        .of(call, state)
        .filter(o -> !TestCourtesy.applies(call, state))
        .map(o -> new Discard(o, site, ""));
  }

  /** Site 3: a method or constructor reference whose functional method returns void. */
  Optional<Discard> ofMethodReference(MemberReferenceTree reference, VisitorState state) {
    if (!returnsVoid(reference, state)
        || Matchers.isThrowingFunctionalInterface(ASTHelpers.getType(reference), state)) {
      return Optional.empty();
    }
    return obligations
        .of(reference, state)
        .map(o -> new Discard(o, Site.VOID_METHOD_REFERENCE, ""));
  }

  /** Sites 4 and 5: {@code var _ = f();}, or a local initialized by a call and never read. */
  Optional<Discard> ofVariable(VariableTree variable, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(variable);
    if (variable.getInitializer() == null || !LocalReads.isLocal(symbol)) {
      return Optional.empty();
    }
    List<ExpressionTree> calls = ResultCalls.of(variable.getInitializer());
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    String name = variable.getName().toString();
    Site site;
    if (name.isEmpty() || name.equals("_")) {
      site = Site.UNNAMED_VARIABLE;
    } else if (neverRead((VarSymbol) symbol, state)) {
      site = Site.UNREAD_LOCAL;
    } else {
      return Optional.empty();
    }
    return firstObligation(calls, state).map(o -> new Discard(o, site, name));
  }

  /** Site 5 again: {@code local = f();} as a statement, where {@code local} is never read. */
  Optional<Discard> ofAssignment(AssignmentTree assignment, VisitorState state) {
    List<ExpressionTree> calls = ResultCalls.of(assignment.getExpression());
    Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
    if (calls.isEmpty()
        || !(state.getPath().getParentPath().getLeaf() instanceof ExpressionStatementTree)
        || !LocalReads.isLocal(target)
        || !neverRead((VarSymbol) target, state)) {
      return Optional.empty();
    }
    return firstObligation(calls, state)
        .map(o -> new Discard(o, Site.UNREAD_LOCAL, target.getSimpleName().toString()));
  }

  /**
   * The drops that the exception on the declaration at {@code state}'s path excuses, by check name:
   * every drop inside the declaration whose innermost exception is this one. Drops are counted
   * whatever the checks' severities, so an exception for a check that is switched off is not stale.
   */
  ImmutableMultiset<String> excusedBy(VisitorState state) {
    Tree declaration = state.getPath().getLeaf();
    ImmutableMultiset.Builder<String> excused = ImmutableMultiset.builder();
    Consumer<TreePath> consider =
        path -> {
          Optional<Discard> discard = at(path, state.withPath(path));
          if (discard.isPresent() && ReviewedExceptions.innermost(path) == declaration) {
            excused.add(discard.get().obligation().check());
          }
        };
    consider.accept(state.getPath());
    List<TreePath> bodies = new java.util.ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null) {
          TreePath path = new TreePath(getCurrentPath(), tree);
          consider.accept(path);
          if (tree instanceof MethodTree method && method.getBody() != null) {
            bodies.add(new TreePath(path, method.getBody()));
          }
        }
        return super.scan(tree, null);
      }
    }.scan(state.getPath(), null);
    // CloseBeforeFlush races: in the methods inside the declaration, and in the method around it.
    if (state.getPath().getLeaf() instanceof MethodTree method && method.getBody() != null) {
      bodies.add(new TreePath(state.getPath(), method.getBody()));
    }
    TreePath enclosing = state.getPath().getParentPath();
    while (enclosing != null && !(enclosing.getLeaf() instanceof MethodTree)) {
      enclosing = enclosing.getParentPath();
    }
    if (enclosing != null && ((MethodTree) enclosing.getLeaf()).getBody() != null) {
      bodies.add(new TreePath(enclosing, ((MethodTree) enclosing.getLeaf()).getBody()));
    }
    for (TreePath body : bodies) {
      for (CompletionFlow.Finding race : CompletionFlow.analyze(body, state, obligations)) {
        if (ReviewedExceptions.innermost(race.closePath()) == declaration) {
          excused.add(CLOSE_BEFORE_FLUSH);
        }
      }
    }
    return excused.build();
  }

  /** The drop at {@code path}'s leaf, whatever kind of tree it is. */
  private Optional<Discard> at(TreePath path, VisitorState state) {
    return switch (path.getLeaf()) {
      case MethodInvocationTree call -> ofCall(call, state);
      case NewClassTree call -> ofCall(call, state);
      case MemberReferenceTree reference -> ofMethodReference(reference, state);
      case VariableTree variable -> ofVariable(variable, state);
      case AssignmentTree assignment -> ofAssignment(assignment, state);
      default -> Optional.empty();
    };
  }

  /** One finding per variable, for the first must-use value that can flow into it. */
  private Optional<Obligation> firstObligation(List<ExpressionTree> calls, VisitorState state) {
    for (ExpressionTree call : calls) {
      Optional<Obligation> obligation = obligations.of(call, state);
      if (obligation.isPresent()) {
        return obligation;
      }
    }
    return Optional.empty();
  }

  private boolean neverRead(VarSymbol local, VisitorState state) {
    return obligations.options().unreadLocals()
        && !localReads.isRead(local, state.getPath().getCompilationUnit());
  }

  /** Whether a lambda's or method reference's functional method returns void. */
  static boolean returnsVoid(ExpressionTree functional, VisitorState state) {
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
