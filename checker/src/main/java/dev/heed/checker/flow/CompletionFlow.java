package dev.heed.checker.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.heed.checker.obligation.Obligations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The flow analysis behind CloseBeforeFlush (docs/architecture.md): along the paths of one method
 * body (lambda bodies included), the completion signals obtained from a receiver's writes that
 * nobody awaited, and the closes of that receiver that can run while one is pending.
 *
 * <p>A may-analysis over the structured statements: the state is the set of pending signals,
 * branches join by union, loops run their body twice, and a {@code finally} block sees the states
 * of the abrupt exits of its {@code try}. This class walks statements; {@link ExpressionFlow} walks
 * expressions in evaluation order; what counts as a write, a close or an await is the catalogue's
 * ({@link FlowVocabulary}).
 */
public final class CompletionFlow {
  final FlowVocabulary vocabulary;
  final Receivers receivers;
  final Signals signals;
  final Buffers buffers;

  /** By close: a close analyzed on several paths (a finally, a loop body) is one race. */
  final Map<Tree, Race> races = new LinkedHashMap<>();

  /** Jump targets: where break/continue and return/throw states go. */
  private final Deque<Frame> frames = new ArrayDeque<>();

  private record Frame(boolean loopOrSwitch, List<Set<Signal>> exits) {}

  private CompletionFlow(
      VisitorState state,
      Obligations obligations,
      FlowVocabulary vocabulary,
      TreePath body,
      FlowCache cache) {
    this.vocabulary = vocabulary;
    this.receivers = new Receivers(vocabulary);
    this.signals = new Signals(state, obligations, vocabulary, receivers);
    this.buffers = new Buffers(vocabulary, new Wrappers(state, vocabulary, receivers, body, cache));
  }

  /**
   * The closes in the body at {@code bodyPath} that can race a pending write; {@code cache} keeps
   * what the analysis reads from the body's class for the class's other methods.
   */
  public static List<Race> analyze(
      TreePath bodyPath, VisitorState state, Obligations obligations, FlowCache cache) {
    FlowVocabulary vocabulary = new FlowVocabulary(obligations.catalogue(), state.getTypes());
    if (!FirstLooks.mayRace(bodyPath.getLeaf(), vocabulary)) {
      return List.of(); // most methods: no close, or no write, so no race
    }
    CompletionFlow flow = new CompletionFlow(state, obligations, vocabulary, bodyPath, cache);
    flow.body(bodyPath, new LinkedHashSet<>());
    return List.copyOf(flow.races.values());
  }

  void body(TreePath path, Set<Signal> in) {
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
    s = BufferChecks.withoutCountsCheckedBy(ifTree.getCondition(), s);
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

  Set<Signal> cases(TreePath path, List<? extends CaseTree> cases, Set<Signal> in) {
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
    boolean framed = hasFinally || !tryTree.getResources().isEmpty();
    if (framed) {
      frames.push(frame);
    }
    Set<Signal> s = in;
    for (Tree resource : tryTree.getResources()) {
      s =
          resource instanceof ExpressionTree expression
              ? expression(new TreePath(path, expression), s)
              : statement(new TreePath(path, (StatementTree) resource), s);
    }
    // A catch may start anywhere in the try: from its entry or its end (an approximation). When
    // the try's first statement is a call that only completes signals (`oos.close()`), the entry
    // is taken after it: the call can throw only once it was attempted, and a flush or close that
    // threw lost its bytes to that failure, which the catch handles; a later close loses no more.
    TreePath blockPath = new TreePath(path, tryTree.getBlock());
    Set<Signal> inTry = s;
    Set<Signal> caught = s;
    boolean first = true;
    for (StatementTree child : tryTree.getBlock().getStatements()) {
      inTry = statement(new TreePath(blockPath, child), inTry);
      if (first && ExpressionFlow.throwsOnlyInCall(child) && s.containsAll(inTry)) {
        caught = inTry;
      }
      first = false;
    }
    Set<Signal> afterTry = closeResources(path, tryTree, inTry);
    Set<Signal> normal = afterTry;
    Set<Signal> catchEntry = closeResources(path, tryTree, union(caught, inTry));
    for (CatchTree catchTree : tryTree.getCatches()) {
      TreePath catchPath = new TreePath(path, catchTree);
      normal = union(normal, statement(new TreePath(catchPath, catchTree.getBlock()), catchEntry));
    }
    if (!framed) {
      return normal;
    }
    frames.pop();
    // The abrupt exits close the resources and run the finally block too, then leave.
    Set<Signal> abrupt = new LinkedHashSet<>();
    for (Set<Signal> exit : frame.exits()) {
      abrupt.addAll(exit);
    }
    abrupt = closeResources(path, tryTree, abrupt);
    if (!hasFinally) {
      if (!abrupt.isEmpty()) {
        exitToFinally(abrupt);
      }
      return normal;
    }
    TreePath finallyPath = new TreePath(path, tryTree.getFinallyBlock());
    abrupt.addAll(catchEntry); // an exception thrown in the try and not caught
    if (!abrupt.isEmpty()) {
      exitToFinally(statement(finallyPath, abrupt));
    }
    return statement(finallyPath, normal);
  }

  /** The resources of a try-with-resources, closed at its end in reverse order. */
  private Set<Signal> closeResources(TreePath path, TryTree tryTree, Set<Signal> in) {
    Set<Signal> s = in;
    List<? extends Tree> resources = tryTree.getResources();
    for (int i = resources.size() - 1; i >= 0 && !s.isEmpty(); i--) {
      Tree resource = resources.get(i);
      Object key =
          resource instanceof VariableTree variable
              ? ASTHelpers.getSymbol(variable)
              : receivers.key((ExpressionTree) resource);
      if (key != null) {
        s = Buffers.closeResource(resource, new TreePath(path, resource), key, s, races);
      }
    }
    return s;
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

  /** An expression, walked in evaluation order. */
  Set<Signal> expression(TreePath path, Set<Signal> in) {
    ExpressionFlow scanner = new ExpressionFlow(this, in);
    scanner.scan(path, null);
    return scanner.current;
  }

  static String methodName(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method == null ? "" : method.getSimpleName().toString();
  }

  static Set<Signal> union(Set<Signal> a, Set<Signal> b) {
    Set<Signal> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return union;
  }
}
