package dev.heed.checker.flow;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreeScanner;
import dev.heed.checker.catalogue.Catalogue;
import javax.lang.model.element.Name;
import org.jspecify.annotations.Nullable;

/**
 * The cheap looks before the flow analysis: most methods close nothing, or write nothing, so they
 * have no race, and these tell so by names alone, without the analysis.
 */
public final class FirstLooks {
  private FirstLooks() {}

  /**
   * Whether {@code tree} is a close the analysis knows: a call or method reference named as a
   * teardown. A body without one (and without a try-with-resources) has no race to find.
   */
  public static boolean mayClose(Tree tree, Catalogue catalogue) {
    Name name = calledName(tree);
    return name != null && catalogue.isTeardown(name);
  }

  /**
   * Whether the body names both a close (or has a try-with-resources) and a write, flush, send or
   * poll.
   */
  static boolean mayRace(Tree body, FlowVocabulary vocabulary) {
    boolean[] seen = new boolean[2]; // [close, write]
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        note(calledName(call));
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        note(calledName(reference));
        return super.visitMemberReference(reference, null);
      }

      @Override
      public Void visitTry(TryTree tree, Void unused) {
        seen[0] |= !tree.getResources().isEmpty(); // closes its resources at its end
        return super.visitTry(tree, null);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        return seen[0] && seen[1] ? null : super.scan(tree, null); // seen enough
      }

      private void note(@Nullable Name name) {
        if (name != null) {
          seen[0] = seen[0] || vocabulary.isClose(name);
          seen[1] = seen[1] || vocabulary.isWriteOrFlush(name);
        }
      }
    }.scan(body, null);
    return seen[0] && seen[1];
  }

  /**
   * The name a call or method reference is written with, read from the tree: no symbol is looked
   * up, since this is asked for every call Error Prone visits. For a resolved call it is the
   * invoked method's name; an unresolved one at most starts an analysis that finds nothing.
   */
  private static @Nullable Name calledName(Tree tree) {
    // instanceof, not a pattern switch: its bootstrap's dispatch costs more than the look itself.
    if (tree instanceof MethodInvocationTree call) {
      ExpressionTree select = call.getMethodSelect();
      if (select instanceof MemberSelectTree member) {
        return member.getIdentifier();
      }
      return select instanceof IdentifierTree identifier ? identifier.getName() : null;
    }
    return tree instanceof MemberReferenceTree reference ? reference.getName() : null;
  }
}
