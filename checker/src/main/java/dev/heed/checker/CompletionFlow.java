package dev.heed.checker;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The flow analysis behind {@link CloseBeforeFlush} (design §3b): along the paths of one method
 * body (lambda bodies included), the completion signals obtained from a receiver's writes that
 * nobody awaited, and the closes of that receiver that can run while one is pending.
 *
 * <p>A may-analysis over the structured statements: the state is the set of pending signals,
 * branches join by union, loops run their body twice, and a {@code finally} block sees the states
 * of the abrupt exits of its {@code try}. Expressions are walked in evaluation order.
 */
final class CompletionFlow {

  /** What a pending signal is, which decides the diagnostic's words. */
  enum Kind {
    /** A write/flush/send future nobody waited on. */
    FUTURE,
    /** A {@code @MustUse} flush/poll result nobody checked. */
    MUST_USE,
    /** A channel write count neither checked nor drained. */
    COUNT
  }

  /** A completion signal obtained from {@code receiver} by {@code write}, not yet awaited. */
  record Signal(Object receiver, MethodInvocationTree write, Kind kind, @Nullable Symbol holder) {}

  /** A close of a receiver ({@code ch.close()} or {@code ch::close}) while a signal is pending. */
  record Finding(Tree close, TreePath closePath, Signal signal) {}

  /** Stands for {@code this} as a receiver. */
  private static final Object THIS = new Object();

  private static final ImmutableSet<String> CLOSES =
      ImmutableSet.of(
          "close", "closeNow", "shutdown", "shutdownNow", "shutdownOutput", "disconnect");
  private static final ImmutableSet<String> WRITE_PREFIXES = ImmutableSet.of("write", "send");
  private static final ImmutableSet<String> FLUSH_PREFIXES = ImmutableSet.of("flush", "poll");
  private static final ImmutableSet<String> AWAIT_PREFIXES =
      ImmutableSet.of("sync", "await", "block");
  private static final ImmutableSet<String> AWAITS = ImmutableSet.of("get", "join");

  /** Methods that take a callback run when the future completes. */
  private static final ImmutableSet<String> LISTENERS =
      ImmutableSet.of(
          "addListener",
          "addListeners",
          "thenRun",
          "thenRunAsync",
          "thenAccept",
          "thenAcceptAsync",
          "thenApply",
          "thenApplyAsync",
          "thenCompose",
          "thenComposeAsync",
          "whenComplete",
          "whenCompleteAsync",
          "handle",
          "handleAsync",
          "onComplete",
          "onSuccess",
          "andThen",
          "subscribe",
          "doFinally",
          "doOnTerminate");

  /** Netty's {@code ChannelFutureListener.CLOSE}: close once the write completed. */
  private static final String CLOSE_LISTENER = "CLOSE";

  private final VisitorState state;
  private final Obligations obligations;
  private final Models models;

  /** By close: a close analyzed on several paths (a finally, a loop body) is one finding. */
  private final Map<Tree, Finding> findings = new LinkedHashMap<>();

  /** Jump targets: where break/continue and return/throw states go. */
  private final Deque<Frame> frames = new ArrayDeque<>();

  private record Frame(boolean loopOrSwitch, List<Set<Signal>> exits) {}

  private CompletionFlow(VisitorState state, Obligations obligations, Models models) {
    this.state = state;
    this.obligations = obligations;
    this.models = models;
  }

  /** The closes in the body at {@code bodyPath} that can race a pending write. */
  static List<Finding> analyze(TreePath bodyPath, VisitorState state, Obligations obligations) {
    if (!mayRace(bodyPath.getLeaf())) {
      return List.of(); // most methods: no close, or no write, so no race
    }
    CompletionFlow flow = new CompletionFlow(state, obligations, obligations.models());
    flow.body(bodyPath, new LinkedHashSet<>());
    return List.copyOf(flow.findings.values());
  }

  /** A cheap first look: does the body name both a close and a write, flush, send or poll? */
  private static boolean mayRace(Tree body) {
    boolean[] seen = new boolean[2]; // [close, write]
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        note(ASTHelpers.getSymbol(call) == null ? "" : methodName(call));
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        note(reference.getName().toString());
        return super.visitMemberReference(reference, null);
      }

      private void note(String name) {
        seen[0] |= CLOSES.contains(name);
        seen[1] |=
            WRITE_PREFIXES.stream().anyMatch(name::startsWith)
                || FLUSH_PREFIXES.stream().anyMatch(name::startsWith);
      }
    }.scan(body, null);
    return seen[0] && seen[1];
  }

  private void body(TreePath path, Set<Signal> in) {
    Deque<Frame> outer = new ArrayDeque<>(frames);
    frames.clear();
    if (path.getLeaf() instanceof StatementTree) {
      statement(path, in);
    } else if (path.getLeaf() instanceof ExpressionTree) {
      expression(path, in);
    }
    frames.clear();
    frames.addAll(outer);
  }

  // ---- statements ----

  private Set<Signal> statement(TreePath path, Set<Signal> in) {
    return switch (path.getLeaf()) {
      case BlockTree block -> block(path, block, in);
      case ExpressionStatementTree statement ->
          expression(new TreePath(path, statement.getExpression()), in);
      case VariableTree variable ->
          variable.getInitializer() == null
              ? in
              : expression(new TreePath(path, variable.getInitializer()), in);
      case IfTree ifTree -> ifStatement(path, ifTree, in);
      case WhileLoopTree loop ->
          loop(path, in, loop.getCondition(), loop.getStatement(), List.of());
      case DoWhileLoopTree loop ->
          loop(
              path,
              statement(new TreePath(path, loop.getStatement()), in),
              loop.getCondition(),
              loop.getStatement(),
              List.of());
      case ForLoopTree loop -> forLoop(path, loop, in);
      case EnhancedForLoopTree loop ->
          loop(
              path,
              expression(new TreePath(path, loop.getExpression()), in),
              null,
              loop.getStatement(),
              List.of());
      case TryTree tryTree -> tryStatement(path, tryTree, in);
      case SwitchTree switchTree ->
          cases(
              path,
              switchTree.getCases(),
              expression(new TreePath(path, switchTree.getExpression()), in));
      case SynchronizedTree sync ->
          statement(
              new TreePath(path, sync.getBlock()),
              expression(new TreePath(path, sync.getExpression()), in));
      case LabeledStatementTree labeled ->
          statement(new TreePath(path, labeled.getStatement()), in);
      case ReturnTree ret ->
          exitToFinally(
              ret.getExpression() == null
                  ? in
                  : expression(new TreePath(path, ret.getExpression()), in));
      case ThrowTree thrown ->
          exitToFinally(expression(new TreePath(path, thrown.getExpression()), in));
      case YieldTree yield ->
          exitToLoopOrSwitch(expression(new TreePath(path, yield.getValue()), in));
      case BreakTree unused -> exitToLoopOrSwitch(in);
      case ContinueTree unused -> exitToLoopOrSwitch(in);
      default -> in; // class declarations, empty statements, asserts: nothing we track
    };
  }

  private Set<Signal> block(TreePath path, BlockTree block, Set<Signal> in) {
    Set<Signal> s = in;
    for (StatementTree child : block.getStatements()) {
      s = statement(new TreePath(path, child), s);
    }
    return s;
  }

  private Set<Signal> ifStatement(TreePath path, IfTree ifTree, Set<Signal> in) {
    Set<Signal> s = expression(new TreePath(path, ifTree.getCondition()), in);
    Set<Signal> then = statement(new TreePath(path, ifTree.getThenStatement()), s);
    Set<Signal> otherwise =
        ifTree.getElseStatement() == null
            ? s
            : statement(new TreePath(path, ifTree.getElseStatement()), s);
    return union(then, otherwise);
  }

  private Set<Signal> forLoop(TreePath path, ForLoopTree loop, Set<Signal> in) {
    Set<Signal> s = in;
    for (StatementTree init : loop.getInitializer()) {
      s = statement(new TreePath(path, init), s);
    }
    return loop(path, s, loop.getCondition(), loop.getStatement(), loop.getUpdate());
  }

  private Set<Signal> loop(
      TreePath path,
      Set<Signal> in,
      @Nullable ExpressionTree condition,
      StatementTree body,
      List<? extends ExpressionStatementTree> update) {
    Frame frame = new Frame(true, new ArrayList<>());
    frames.push(frame);
    Set<Signal> entry = in;
    Set<Signal> exit = in;
    for (int round = 0; round < 2; round++) { // twice: the second sees what the first left
      if (round == 1 && entry.equals(in)) {
        break; // the body left nothing new for a second iteration to see
      }
      Set<Signal> s = condition == null ? entry : expression(new TreePath(path, condition), entry);
      exit = union(exit, s);
      s = statement(new TreePath(path, body), s);
      for (ExpressionStatementTree step : update) {
        s = statement(new TreePath(path, step), s);
      }
      entry = union(entry, s);
      exit = union(exit, s);
    }
    frames.pop();
    for (Set<Signal> jumped : frame.exits()) {
      exit = union(exit, jumped);
    }
    return exit;
  }

  private Set<Signal> cases(TreePath path, List<? extends CaseTree> cases, Set<Signal> in) {
    Frame frame = new Frame(true, new ArrayList<>());
    frames.push(frame);
    Set<Signal> out = in; // no case may match
    Set<Signal> fallthrough = new LinkedHashSet<>();
    for (CaseTree caseTree : cases) {
      TreePath casePath = new TreePath(path, caseTree);
      Set<Signal> s = union(in, fallthrough);
      if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE && caseTree.getBody() != null) {
        Tree body = caseTree.getBody();
        s =
            body instanceof StatementTree statement
                ? statement(new TreePath(casePath, statement), s)
                : expression(new TreePath(casePath, (ExpressionTree) body), s);
        fallthrough = new LinkedHashSet<>();
      } else {
        for (StatementTree statement : caseTree.getStatements()) {
          s = statement(new TreePath(casePath, statement), s);
        }
        fallthrough = s;
      }
      out = union(out, s);
    }
    frames.pop();
    for (Set<Signal> jumped : frame.exits()) {
      out = union(out, jumped);
    }
    return out;
  }

  private Set<Signal> tryStatement(TreePath path, TryTree tryTree, Set<Signal> in) {
    Frame frame = new Frame(false, new ArrayList<>());
    boolean hasFinally = tryTree.getFinallyBlock() != null;
    if (hasFinally) {
      frames.push(frame);
    }
    Set<Signal> s = in;
    for (Tree resource : tryTree.getResources()) {
      s =
          resource instanceof ExpressionTree expression
              ? expression(new TreePath(path, expression), s)
              : statement(new TreePath(path, (StatementTree) resource), s);
    }
    Set<Signal> afterTry = statement(new TreePath(path, tryTree.getBlock()), s);
    // A catch may start anywhere in the try: from its entry or its end (an approximation).
    Set<Signal> normal = afterTry;
    Set<Signal> catchEntry = union(s, afterTry);
    for (CatchTree catchTree : tryTree.getCatches()) {
      TreePath catchPath = new TreePath(path, catchTree);
      normal = union(normal, statement(new TreePath(catchPath, catchTree.getBlock()), catchEntry));
    }
    if (!hasFinally) {
      return normal;
    }
    frames.pop();
    TreePath finallyPath = new TreePath(path, tryTree.getFinallyBlock());
    // The abrupt exits run the finally block too, then leave: report, but do not continue.
    Set<Signal> abrupt = new LinkedHashSet<>();
    for (Set<Signal> exit : frame.exits()) {
      abrupt.addAll(exit);
    }
    abrupt.addAll(catchEntry); // an exception thrown in the try and not caught
    if (!abrupt.isEmpty()) {
      exitToFinally(statement(finallyPath, abrupt));
    }
    return statement(finallyPath, normal);
  }

  /** A return or throw: the nearest finally sees {@code s}; this path goes no further. */
  private Set<Signal> exitToFinally(Set<Signal> s) {
    for (Frame frame : frames) {
      if (!frame.loopOrSwitch()) {
        frame.exits().add(s); // that finally passes it on outwards when it is analyzed
        break;
      }
    }
    return new LinkedHashSet<>();
  }

  /** A break, continue or yield: {@code s} joins the loop's or switch's exit. */
  private Set<Signal> exitToLoopOrSwitch(Set<Signal> s) {
    for (Frame frame : frames) {
      frame.exits().add(s); // a finally between here and the loop sees it too
      if (frame.loopOrSwitch()) {
        break;
      }
    }
    return new LinkedHashSet<>();
  }

  // ---- expressions ----

  private Set<Signal> expression(TreePath path, Set<Signal> in) {
    Expressions scanner = new Expressions(in);
    scanner.scan(path, null);
    return scanner.current;
  }

  /** Walks an expression in evaluation order, updating the pending signals. */
  private final class Expressions extends TreePathScanner<Void, Void> {
    Set<Signal> current;

    Expressions(Set<Signal> in) {
      this.current = new LinkedHashSet<>(in);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
      super.visitMethodInvocation(call, null); // receiver and arguments first
      TreePath path = getCurrentPath();
      String name = methodName(call);
      Object receiver = receiverKey(call);
      if (receiver != null && CLOSES.contains(name)) {
        close(call, path, receiver);
      }
      ExpressionTree target = ASTHelpers.getReceiver(call);
      if (target != null) {
        Symbol holder = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(target));
        if (holder != null && holds(holder)) {
          if (isAwait(name) || (LISTENERS.contains(name) && closesAfter(call))) {
            clear(s -> holder.equals(s.holder()));
          } else if (current.stream()
              .anyMatch(s -> holder.equals(s.holder()) && s.kind() != Kind.FUTURE)) {
            clear(s -> holder.equals(s.holder())); // a count or poll result that is looked at
          }
        }
      }
      if (receiver != null) {
        signal(call, path, receiver).ifPresent(current::add);
      }
      return null;
    }

    @Override
    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
      Symbol symbol = ASTHelpers.getSymbol(identifier);
      if (symbol != null && holds(symbol)) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (!(parent instanceof MemberSelectTree)) {
          // Returned, passed, stored or compared: someone else has it now, or it was checked.
          clear(s -> symbol.equals(s.holder()));
        }
      }
      return null;
    }

    @Override
    public Void visitAssignment(AssignmentTree assignment, Void unused) {
      if (ASTHelpers.stripParentheses(assignment.getVariable()) instanceof IdentifierTree) {
        scan(assignment.getExpression(), null);
        return null; // storing into a variable is not reading it
      }
      return super.visitAssignment(assignment, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
      super.visitMemberReference(reference, null);
      Object receiver = key(reference.getQualifierExpression());
      if (receiver != null && CLOSES.contains(reference.getName().toString())) {
        // ch::close handed to something that runs it later, whenever: it can race the write.
        report(reference, getCurrentPath(), receiver);
      }
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
      Set<Signal> inside = new LinkedHashSet<>(current);
      Object completed = completionCallbackOf(getCurrentPath());
      if (completed != null) {
        // Runs once the write completed: the receiver's earlier writes completed too.
        Set<Object> receivers = new java.util.HashSet<>();
        receivers.add(completed);
        current.stream()
            .filter(s -> completed.equals(s.holder()))
            .forEach(s -> receivers.add(s.receiver()));
        inside.removeIf(s -> receivers.contains(s.receiver()));
      }
      body(new TreePath(getCurrentPath(), lambda.getBody()), inside);
      return null; // runs later: its effects do not flow into this path
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      return null; // its methods are analyzed on their own
    }

    @Override
    public Void visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
      scan(tree.getCondition(), null);
      Set<Signal> before = current;
      current = new LinkedHashSet<>(before);
      scan(tree.getTrueExpression(), null);
      Set<Signal> then = current;
      current = new LinkedHashSet<>(before);
      scan(tree.getFalseExpression(), null);
      current = union(then, current);
      return null;
    }

    @Override
    public Void visitBinary(BinaryTree tree, Void unused) {
      if (tree.getKind() != Tree.Kind.CONDITIONAL_AND
          && tree.getKind() != Tree.Kind.CONDITIONAL_OR) {
        return super.visitBinary(tree, null);
      }
      scan(tree.getLeftOperand(), null);
      Set<Signal> shortCircuit = new LinkedHashSet<>(current);
      scan(tree.getRightOperand(), null);
      current = union(shortCircuit, current);
      return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
      scan(tree.getExpression(), null);
      current = cases(getCurrentPath(), tree.getCases(), current);
      return null;
    }

    private void close(MethodInvocationTree call, TreePath path, Object receiver) {
      report(call, path, receiver);
      clear(s -> s.receiver().equals(receiver)); // one report per race
    }

    /** {@code close} is a close call or a close method reference on {@code receiver}. */
    private void report(Tree close, TreePath path, Object receiver) {
      current.stream()
          .filter(s -> s.receiver().equals(receiver))
          .findFirst()
          .ifPresent(s -> findings.putIfAbsent(close, new Finding(close, path, s)));
    }

    private boolean holds(Symbol symbol) {
      return current.stream().anyMatch(s -> symbol.equals(s.holder()));
    }

    private void clear(Predicate<Signal> which) {
      current.removeIf(which);
    }
  }

  // ---- signals ----

  /** The completion signal {@code call} leaves pending on {@code receiver}, if any. */
  private Optional<Signal> signal(MethodInvocationTree call, TreePath path, Object receiver) {
    String name = methodName(call);
    boolean writes = WRITE_PREFIXES.stream().anyMatch(name::startsWith);
    boolean flushes = FLUSH_PREFIXES.stream().anyMatch(name::startsWith);
    if (!writes && !flushes) {
      return Optional.empty();
    }
    Optional<Obligation> obligation = obligations.of(call, state.withPath(path));
    if (obligation.isEmpty()) {
      return Optional.empty(); // nothing to await, or the buffer is drained
    }
    Kind kind;
    if (obligation.get().check().equals(Obligations.DISCARDED_FUTURE)) {
      kind = Kind.FUTURE;
    } else if (obligation.get().category() == Category.PARTIAL_WRITE && writes) {
      kind = Kind.COUNT;
    } else if (obligation.get().category() == null && flushes) {
      kind = Kind.MUST_USE;
    } else {
      return Optional.empty();
    }
    // How is the signal consumed?
    TreePath consumer = path.getParentPath();
    while (consumer.getLeaf() instanceof ParenthesizedTree) {
      consumer = consumer.getParentPath();
    }
    Tree parent = consumer.getLeaf();
    if (parent instanceof ExpressionStatementTree) {
      return Optional.of(new Signal(receiver, call, kind, null)); // dropped
    }
    if (parent instanceof MemberSelectTree
        && consumer.getParentPath().getLeaf() instanceof MethodInvocationTree chained) {
      String next = methodName(chained);
      if (kind != Kind.FUTURE
          || isAwait(next)
          || (LISTENERS.contains(next) && closesAfter(chained))) {
        return Optional.empty(); // awaited, checked, or the close is ordered after it
      }
      return Optional.of(new Signal(receiver, call, kind, null)); // e.g. a failure listener
    }
    if (parent instanceof VariableTree variable) {
      VarSymbol local = ASTHelpers.getSymbol(variable);
      return LocalReads.isLocal(local)
          ? Optional.of(new Signal(receiver, call, kind, local))
          : Optional.empty(); // a field: stored for later
    }
    if (parent instanceof AssignmentTree assignment
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol local
        && LocalReads.isLocal(local)) {
      return Optional.of(new Signal(receiver, call, kind, local));
    }
    if (parent instanceof LambdaExpressionTree lambda && Discards.returnsVoid(lambda, state)) {
      return Optional.of(new Signal(receiver, call, kind, null)); // dropped by a void lambda
    }
    return Optional.empty(); // returned, passed or compared: used
  }

  /**
   * The receiver whose writes completed when the lambda at {@code lambdaPath} runs, if it is a
   * completion callback: an argument of {@code addListener}, {@code thenRun}, ... on a write's
   * future (directly, or through the local that holds it).
   */
  private @Nullable Object completionCallbackOf(TreePath lambdaPath) {
    TreePath argument = lambdaPath.getParentPath();
    while (argument.getLeaf() instanceof TypeCastTree
        || argument.getLeaf() instanceof ParenthesizedTree) {
      argument = argument.getParentPath(); // (ChannelFutureListener) f -> ...
    }
    if (!(argument.getLeaf() instanceof MethodInvocationTree listener)
        || !LISTENERS.contains(methodName(listener))
        || ASTHelpers.getReceiver(listener) == null) {
      return null;
    }
    ExpressionTree future = ASTHelpers.getReceiver(listener);
    ExpressionTree source = ASTHelpers.stripParentheses(future);
    if (source instanceof MethodInvocationTree write) {
      return receiverKey(write);
    }
    Symbol holder = ASTHelpers.getSymbol(source);
    return holder; // the holder's signals are removed by the caller
  }

  /** Whether a listener call's arguments close the channel: CLOSE, or a callback that closes. */
  private static boolean closesAfter(MethodInvocationTree listener) {
    for (ExpressionTree argument : listener.getArguments()) {
      Boolean found =
          new com.sun.source.util.TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
              return tree.getName().contentEquals(CLOSE_LISTENER);
            }

            @Override
            public Boolean visitMemberSelect(MemberSelectTree tree, Void unused) {
              return tree.getIdentifier().contentEquals(CLOSE_LISTENER)
                  || Boolean.TRUE.equals(super.visitMemberSelect(tree, null));
            }

            @Override
            public Boolean visitMemberReference(MemberReferenceTree tree, Void unused) {
              return CLOSES.contains(tree.getName().toString());
            }

            @Override
            public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
              return CLOSES.contains(methodName(tree))
                  || Boolean.TRUE.equals(super.visitMethodInvocation(tree, null));
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
              return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
          }.scan(argument, null);
      if (Boolean.TRUE.equals(found)) {
        return true;
      }
    }
    return false;
  }

  // ---- receivers ----

  /** The receiver a call writes to or closes: a local, parameter, field, or {@code this}. */
  private @Nullable Object receiverKey(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      return method == null || method.isStatic() || method.isConstructor() ? null : THIS;
    }
    return key(receiver);
  }

  private @Nullable Object key(ExpressionTree expression) {
    ExpressionTree tree = ASTHelpers.stripParentheses(expression);
    if (tree instanceof IdentifierTree identifier) {
      if (identifier.getName().contentEquals("this")) {
        return THIS;
      }
      return ASTHelpers.getSymbol(identifier) instanceof VarSymbol variable ? variable : null;
    }
    if (tree instanceof MemberSelectTree select) {
      Symbol symbol = ASTHelpers.getSymbol(select);
      if (select.getIdentifier().contentEquals("this")) {
        return THIS;
      }
      ExpressionTree owner = ASTHelpers.stripParentheses(select.getExpression());
      boolean ownField =
          (owner instanceof IdentifierTree id && id.getName().contentEquals("this"))
              || (owner instanceof MemberSelectTree outer
                  && outer.getIdentifier().contentEquals("this"));
      return ownField && symbol instanceof VarSymbol field ? field : null;
    }
    if (tree instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) != null
        && ASTHelpers.getReceiver(call) != null
        && models.returnsSameReceiver(ASTHelpers.getSymbol(call), state.getTypes())) {
      return key(ASTHelpers.getReceiver(call)); // ctx.channel() is ctx's connection
    }
    return null;
  }

  // ---- helpers ----

  private static String methodName(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method == null ? "" : method.getSimpleName().toString();
  }

  private static boolean isAwait(String name) {
    return AWAITS.contains(name) || AWAIT_PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static Set<Signal> union(Set<Signal> a, Set<Signal> b) {
    Set<Signal> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return union;
  }
}
