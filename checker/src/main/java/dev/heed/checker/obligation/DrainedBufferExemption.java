package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.trees.Calls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The buffer-drain rule: a dropped channel {@code write}/{@code read} count is no loss when the
 * same buffer's {@code hasRemaining()} or {@code remaining()} is consulted in the enclosing loop's
 * condition or later in the same method, because the buffer itself then says what is left. {@code
 * while (buf.hasRemaining()) ch.write(buf);} is correct. Stream reads have no such escape: a {@code
 * byte[]} does not know how much of it was filled.
 */
final class DrainedBufferExemption implements CallSiteExemption {
  // Not Error Prone's Suppliers.typeFromString: initializing that class links dozens of suppliers
  // in every compilation, for this one type.
  private static final Supplier<Type> BYTE_BUFFER =
      VisitorState.memoize(state -> state.getTypeFromString("java.nio.ByteBuffer"));
  private static final Set<String> CONSULT = Set.of("hasRemaining", "remaining");

  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() != null && verdict.category().isBufferCount();
  }

  /** Whether the buffer passed to the call is consulted as the rule requires. */
  @Override
  public boolean excuses(CallSite site) {
    ExpressionTree call = site.call();
    List<Symbol> buffers = bufferArguments(call, site.state());
    if (buffers.isEmpty()) {
      return false;
    }
    int callStart = ASTHelpers.getStartPosition(call);
    List<Tree> loopConditions = new ArrayList<>();
    Tree body = null;
    for (Tree enclosing : site.path()) {
      if (enclosing instanceof WhileLoopTree loop) {
        loopConditions.add(drainTest(loop, loop.getCondition()));
      } else if (enclosing instanceof DoWhileLoopTree loop) {
        loopConditions.add(drainTest(loop, loop.getCondition()));
      } else if (enclosing instanceof ForLoopTree loop) {
        loopConditions.add(drainTest(loop, loop.getCondition()));
      } else if (enclosing instanceof MethodTree method) {
        body = method.getBody();
        break;
      } else if (enclosing instanceof LambdaExpressionTree lambda) {
        body = lambda.getBody();
        break;
      } else if (enclosing instanceof ClassTree) {
        break;
      }
    }
    for (Symbol buffer : buffers) {
      for (Tree condition : loopConditions) {
        if (consults(condition, buffer, Integer.MIN_VALUE)) {
          return true;
        }
      }
      if (body != null && consults(body, buffer, callStart)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a loop decides to go on: its condition, or the whole loop when it has none ({@code for
   * (;;) { if (!buf.hasRemaining()) break; ch.write(buf); }} ends only through its body).
   */
  private static Tree drainTest(Tree loop, ExpressionTree condition) {
    boolean endless =
        condition == null
            || Boolean.TRUE.equals(
                ASTHelpers.constValue(ASTHelpers.stripParentheses(condition), Boolean.class));
    return endless ? loop : condition;
  }

  /** The variables holding the {@code ByteBuffer}s the call reads or writes. */
  private static List<Symbol> bufferArguments(ExpressionTree call, VisitorState state) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return List.of();
    }
    Type byteBuffer = BYTE_BUFFER.get(state);
    if (byteBuffer == null) {
      return List.of();
    }
    Types types = state.getTypes();
    List<Symbol> buffers = new ArrayList<>();
    for (ExpressionTree argument : invocation.getArguments()) {
      Type type = ASTHelpers.getType(argument);
      if (type == null
          || !types.isSameType(types.erasure(types.elemtypeOrType(type)), byteBuffer)) {
        continue;
      }
      ExpressionTree value = ASTHelpers.stripParentheses(argument);
      // new ByteBuffer[] {header, payload}: each element is a buffer to consult.
      List<? extends ExpressionTree> elements =
          value instanceof NewArrayTree array && array.getInitializers() != null
              ? array.getInitializers()
              : List.of(value);
      for (ExpressionTree element : elements) {
        Symbol symbol = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(element));
        if (symbol instanceof VarSymbol) {
          buffers.add(symbol);
        }
      }
    }
    return buffers;
  }

  /** Whether {@code tree} calls {@code buffer.hasRemaining()} or similar after {@code after}. */
  private static boolean consults(Tree tree, Symbol buffer, int after) {
    return Calls.anyIn(
        tree,
        invocation ->
            invocation.getMethodSelect() instanceof MemberSelectTree select
                && CONSULT.contains(select.getIdentifier().toString())
                && refersTo(select.getExpression(), buffer)
                && ASTHelpers.getStartPosition(invocation) > after);
  }

  /** {@code buf}, or an element of the array {@code bufs[i]}. */
  private static boolean refersTo(ExpressionTree expression, Symbol buffer) {
    ExpressionTree receiver = ASTHelpers.stripParentheses(expression);
    if (receiver instanceof ArrayAccessTree access) {
      receiver = ASTHelpers.stripParentheses(access.getExpression());
    }
    return buffer.equals(ASTHelpers.getSymbol(receiver));
  }
}
