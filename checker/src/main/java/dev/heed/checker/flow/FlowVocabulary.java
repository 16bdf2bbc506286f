package dev.heed.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import java.util.Optional;
import javax.lang.model.element.Name;

/**
 * What the flow analysis calls a close, a write, a flush, an await and a completion listener: the
 * catalogue's vocabulary, asked by method name. Closes are the catalogue's teardowns, the same list
 * that DiscardedFuture leaves to CloseBeforeFlush.
 */
final class FlowVocabulary {
  private final Catalogue catalogue;
  private final Types types;

  FlowVocabulary(Catalogue catalogue, Types types) {
    this.catalogue = catalogue;
    this.types = types;
  }

  boolean isClose(String name) {
    return catalogue.isTeardown(name);
  }

  boolean isWrite(String name) {
    return catalogue.matchesName(Category.WRITES, name);
  }

  boolean isFlush(String name) {
    return catalogue.matchesName(Category.FLUSHES, name);
  }

  boolean isClose(Name name) {
    return catalogue.isTeardown(name);
  }

  boolean isWriteOrFlush(Name name) {
    return catalogue.matchesName(Category.WRITES, name)
        || catalogue.matchesName(Category.FLUSHES, name);
  }

  boolean isAwait(String name) {
    return catalogue.matchesName(Category.AWAITS, name);
  }

  boolean isListener(String name) {
    return catalogue.matchesName(Category.COMPLETION_LISTENER, name);
  }

  /** Whether {@code method} returns what its receiver writes through ({@code ctx.channel()}). */
  boolean returnsSameReceiver(MethodSymbol method) {
    return catalogue.names(Category.SAME_RECEIVER, method, types);
  }

  /** Whether {@code new T(inner, ...)} of this type writes through {@code inner}. */
  boolean isWrapper(Type created) {
    return catalogue.isWrapper(created, types);
  }

  /** The {@code buffering-wrapper} entry of {@code type}: its writes wait for those methods. */
  Optional<TypeEntry> bufferingWrapper(Type type) {
    return catalogue.bufferingWrapper(type, types);
  }

  /**
   * Whether a listener call's arguments close the channel: a closing-listener constant ({@code
   * ChannelFutureListener.CLOSE}), or a callback that closes.
   */
  boolean closesAfter(MethodInvocationTree listener) {
    for (ExpressionTree argument : listener.getArguments()) {
      if (Boolean.TRUE.equals(new ClosesScanner().scan(argument, null))) {
        return true;
      }
    }
    return false;
  }

  private final class ClosesScanner extends TreeScanner<Boolean, Void> {
    @Override
    public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
      return isClosingListener(tree);
    }

    @Override
    public Boolean visitMemberSelect(MemberSelectTree tree, Void unused) {
      return isClosingListener(tree) || Boolean.TRUE.equals(super.visitMemberSelect(tree, null));
    }

    @Override
    public Boolean visitMemberReference(MemberReferenceTree tree, Void unused) {
      return isClose(tree.getName().toString());
    }

    @Override
    public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      return isClose(CompletionFlow.methodName(tree))
          || Boolean.TRUE.equals(super.visitMethodInvocation(tree, null));
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }

    private boolean isClosingListener(Tree tree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      return symbol instanceof VarSymbol
          && catalogue.isField(Category.CLOSING_LISTENER, symbol, types);
    }
  }
}
