package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Calls;

/**
 * A partial write is no loss on a receiver that always writes everything: a {@code writes-fully}
 * type (a FileChannel), or a channel this method put in blocking mode before the write, through a
 * {@code makes-blocking} method called with {@code true} ({@code ch.configureBlocking(true)}).
 */
final class FullyWritingReceiverExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.PARTIAL_WRITE;
  }

  @Override
  public boolean excuses(CallSite site) {
    Type receiver = site.receiverType();
    return receiver != null
        && (site.catalogue()
                .receiverFact(
                    Category.WRITES_FULLY,
                    receiver,
                    site.method().getSimpleName().toString(),
                    site.types())
            || madeBlockingBefore(site));
  }

  private static boolean madeBlockingBefore(CallSite site) {
    Symbol channel = site.receiverSymbol();
    MethodTree method = ASTHelpers.findEnclosingNode(site.path(), MethodTree.class);
    if (channel == null || method == null || method.getBody() == null) {
      return false;
    }
    int position = ASTHelpers.getStartPosition(site.call());
    return Calls.anyIn(
        method.getBody(),
        invocation ->
            ASTHelpers.getStartPosition(invocation) < position
                && invocation.getArguments().size() == 1
                && Boolean.TRUE.equals(ASTHelpers.constValue(invocation.getArguments().get(0)))
                && ASTHelpers.getSymbol(invocation) != null
                && site.catalogue()
                    .names(Category.MAKES_BLOCKING, ASTHelpers.getSymbol(invocation), site.types())
                && channel.equals(CallSite.receiverSymbol(invocation)));
  }
}
