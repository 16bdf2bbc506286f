package dev.heed.checker;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.TryTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.exceptions.FindingSource;
import dev.heed.checker.exceptions.ReviewedExceptions;
import dev.heed.checker.flow.Buffered;
import dev.heed.checker.flow.CompletionFlow;
import dev.heed.checker.flow.FirstLooks;
import dev.heed.checker.flow.FlowCache;
import dev.heed.checker.flow.Race;
import dev.heed.checker.obligation.Obligations;
import dev.heed.checker.report.Reporter;
import dev.heed.checker.trees.Names;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * The hyper shape itself: a close or shutdown of a receiver that can run while a write or flush on
 * it has not completed. Reported at the close, naming the write it races with.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A close or shutdown can run before a write on the same receiver has completed",
    severity = ERROR,
    linkType = NONE, // HeedCheck links each finding to its page
    suppressionAnnotations = {})
public final class CloseBeforeFlush extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodInvocationTreeMatcher,
        MemberReferenceTreeMatcher,
        TryTreeMatcher {
  private static final HeedCheck CHECK = HeedCheck.CLOSE_BEFORE_FLUSH;

  private final Obligations obligations;
  private final ConfigProblems problems;
  private final Reporter reporter;

  /** The methods of the current unit already analyzed: a method may hold several closes. */
  private final Set<Tree> analyzed = Collections.newSetFromMap(new IdentityHashMap<>());

  private @Nullable CompilationUnitTree analyzedUnit;

  /** What the analysis reads from a whole class, kept for the class's other methods. */
  private final FlowCache flowCache = new FlowCache();

  /** Required by {@code ServiceLoader}; Error Prone constructs checks through the injector. */
  public CloseBeforeFlush() {
    this(Engine.defaults());
  }

  private CloseBeforeFlush(Engine engine) {
    this(engine.obligations(), engine.problems(), engine.reporter());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public CloseBeforeFlush(Obligations obligations, ConfigProblems problems, Reporter reporter) {
    this.obligations = obligations;
    this.problems = problems;
    this.reporter = reporter;
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (problems.none(state)) {
      reporter.seen(state);
    }
    return Description.NO_MATCH;
  }

  // A race needs a close, so a method is analyzed when Error Prone's walk reaches its first close
  // (a teardown call or reference, or a try-with-resources): most methods have none, and asking
  // about the nodes Error Prone visits anyway costs no walk of every body of our own.

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return FirstLooks.mayClose(tree, obligations.catalogue())
        ? analyzeEnclosing(state)
        : Description.NO_MATCH;
  }

  @Override
  public Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return FirstLooks.mayClose(tree, obligations.catalogue())
        ? analyzeEnclosing(state)
        : Description.NO_MATCH;
  }

  @Override
  public Description matchTry(TryTree tree, VisitorState state) {
    return tree.getResources().isEmpty() ? Description.NO_MATCH : analyzeEnclosing(state);
  }

  /** Analyzes the method the close is in (lambdas are part of it; classes are not), once. */
  private Description analyzeEnclosing(VisitorState state) {
    TreePath method = state.getPath();
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      if (method.getLeaf() instanceof ClassTree) {
        return Description.NO_MATCH; // an initializer: its own code is no method body
      }
      method = method.getParentPath();
    }
    if (method == null
        || ((MethodTree) method.getLeaf()).getBody() == null
        || !problems.none(state)) {
      return Description.NO_MATCH;
    }
    CompilationUnitTree unit = method.getCompilationUnit();
    if (unit != analyzedUnit) {
      analyzedUnit = unit;
      analyzed.clear();
    }
    if (!analyzed.add(method.getLeaf())) {
      return Description.NO_MATCH;
    }
    for (Race race : races(method, state, obligations, flowCache)) {
      if (!ReviewedExceptions.allow(race.closePath())) {
        reporter.report(
            CHECK.checkName(),
            race.closePath(),
            CHECK.linked(buildDescription(race.close())).setMessage(message(race, state)).build(),
            state);
      }
    }
    return Description.NO_MATCH;
  }

  /** The races in the method at {@code method}, whether or not an exception excuses them. */
  private static List<Race> races(
      TreePath method, VisitorState state, Obligations obligations, FlowCache cache) {
    return CompletionFlow.analyze(
        new TreePath(method, ((MethodTree) method.getLeaf()).getBody()), state, obligations, cache);
  }

  /** Every race in a unit, for the index of what exceptions excuse. */
  static FindingSource findingSource(Obligations obligations) {
    return (unit, state, found) ->
        new TreePathScanner<Void, Void>() {
          private final FlowCache cache = new FlowCache();

          @Override
          public Void visitMethod(MethodTree method, Void unused) {
            if (method.getBody() != null) {
              for (Race race : races(getCurrentPath(), state, obligations, cache)) {
                found.accept(race.closePath(), CHECK.checkName());
              }
            }
            return super.visitMethod(method, null);
          }
        }.scan(unit, null);
  }

  private static String message(Race finding, VisitorState state) {
    dev.heed.checker.flow.Signal signal = finding.signal();
    MethodInvocationTree write = signal.write();
    MethodSymbol writeMethod = ASTHelpers.getSymbol(write);
    long line =
        state
            .getPath()
            .getCompilationUnit()
            .getLineMap()
            .getLineNumber(ASTHelpers.getStartPosition(write));
    String written = Names.describe(writeMethod);
    String value =
        ASTHelpers.getType(write) == null
            ? "result"
            : state.getTypes().erasure(ASTHelpers.getType(write)).tsym.getSimpleName().toString();
    String returned = "the " + value + " returned by " + written + " at line " + line;
    String race =
        switch (signal.kind()) {
          case FUTURE ->
              returned
                  + " is not awaited, so the close can fail the write still queued and the peer"
                  + " gets a truncated response. Order the close after the write (for example"
                  + " addListener(ChannelFutureListener.CLOSE), or close in its completion"
                  + " callback), or wait for it first (sync(), get(), join())";
          case MUST_USE ->
              returned
                  + " is not checked: if the flush is not done, bytes are still buffered and"
                  + " closing now truncates them. Close only once it reports done (return"
                  + " PENDING up the state machine and poll again when the channel is writable)";
          case COUNT ->
              "the count returned by "
                  + written
                  + " at line "
                  + line
                  + " is neither checked nor drained: a non-blocking channel may have written"
                  + " fewer bytes than remain, and the close drops the rest. Write until the"
                  + " buffer has no bytes remaining (waiting for OP_WRITE) before closing";
          case BUFFERED -> buffered(signal.buffered(), written, line);
        };
    return closeText(finding.close(), state)
        + " can run before the write it follows has completed: "
        + race
        + ", or write @AllowDiscard(reason = \"...\") on a declaration around it.";
  }

  private static String buffered(Buffered buffered, String written, long line) {
    Buffered.Layer holder = buffered.holder();
    String name =
        holder.name().startsWith("new ")
            ? "the " + holder.type() + " created by " + holder.name()
            : "the " + holder.type() + " '" + holder.name() + "'";
    String through =
        buffered.pending() == 0
            ? ""
            : " (written through '" + buffered.chain().get(0).name() + "')";
    String target = holder.name().startsWith("new ") ? "it" : holder.name();
    String pushes =
        holder.buffering() == null
            ? "close()"
            : holder.buffering().methods().stream()
                    .map(p -> target + "." + p + "()")
                    .collect(Collectors.joining(" or "))
                + " or "
                + target
                + ".close()";
    return "the bytes written by "
        + written
        + " at line "
        + line
        + " are still in "
        + name
        + through
        + ", which was not flushed: closing what it writes to drops them, and the peer gets a"
        + " truncated response. Call "
        + pushes
        + " first (closing the wrapper flushes it and closes what it wraps; try-with-resources on"
        + " the wrapper does this)";
  }

  private static String closeText(Tree close, VisitorState state) {
    if (close instanceof MemberReferenceTree reference) {
      return state.getSourceForNode(reference);
    }
    if (close instanceof VariableTree resource) {
      return "the close of '" + resource.getName() + "' at the end of its try-with-resources";
    }
    if (!(close instanceof MethodInvocationTree call)) {
      return "the close of '" + state.getSourceForNode(close) + "' at the end of its try";
    }
    String select = state.getSourceForNode(call.getMethodSelect());
    return (select == null ? ASTHelpers.getSymbol(call).getSimpleName() : select) + "()";
  }
}
