package dev.heed.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.List;
import javax.inject.Inject;

/**
 * The hyper shape itself (design §3b): a close or shutdown of a receiver that can run while a write
 * or flush on it has not completed. Reported at the close, naming the write it races with.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A close or shutdown can run before a write on the same receiver has completed",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/CloseBeforeFlush.md",
    suppressionAnnotations = {})
public final class CloseBeforeFlush extends BugChecker implements MethodTreeMatcher {
  private final Discards discards;

  /** Required by {@code ServiceLoader}; Error Prone constructs checks through the injector. */
  public CloseBeforeFlush() {
    this(Discards.withDefaults());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public CloseBeforeFlush(Discards discards) {
    this.discards = discards;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null || !discards.enabled(state)) {
      return Description.NO_MATCH;
    }
    for (CompletionFlow.Finding finding : findings(tree, state)) {
      if (!ReviewedExceptions.allow(finding.closePath())) {
        state.reportMatch(
            buildDescription(finding.close()).setMessage(message(finding, state)).build());
      }
    }
    return Description.NO_MATCH;
  }

  /** The races in {@code method}, whether or not an exception excuses them. */
  List<CompletionFlow.Finding> findings(MethodTree method, VisitorState state) {
    return CompletionFlow.analyze(
        new TreePath(state.getPath(), method.getBody()), state, discards.obligations());
  }

  private static String message(CompletionFlow.Finding finding, VisitorState state) {
    CompletionFlow.Signal signal = finding.signal();
    MethodInvocationTree write = signal.write();
    MethodSymbol writeMethod = ASTHelpers.getSymbol(write);
    long line =
        state
            .getPath()
            .getCompilationUnit()
            .getLineMap()
            .getLineNumber(ASTHelpers.getStartPosition(write));
    String written = Obligations.describe(writeMethod);
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
        };
    return closeText(finding.close(), state)
        + " can run before the write it follows has completed: "
        + race
        + ", or write @AllowDiscard(reason = \"...\") on a declaration around it.";
  }

  private static String closeText(Tree close, VisitorState state) {
    if (close instanceof MemberReferenceTree reference) {
      return state.getSourceForNode(reference);
    }
    MethodInvocationTree call = (MethodInvocationTree) close;
    String select = state.getSourceForNode(call.getMethodSelect());
    return (select == null ? ASTHelpers.getSymbol(call).getSimpleName() : select) + "()";
  }
}
