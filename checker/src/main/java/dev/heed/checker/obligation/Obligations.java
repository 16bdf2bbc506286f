package dev.heed.checker.obligation;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.config.HeedOptions;
import dev.heed.checker.trees.MethodPaths;
import dev.heed.checker.trees.Names;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a call's result is must-use: the method's verdict from the rule chain ({@link
 * MethodVerdicts}), cached per method symbol, then the call-site exemptions, in the order listed
 * here. Type lookups are built once per compilation, so the cost per call is a map lookup once a
 * method has been seen. See docs/architecture.md.
 */
public final class Obligations {
  private final Catalogue catalogue;
  private final MethodVerdicts verdicts;
  private final MethodPaths paths = new MethodPaths();
  private final ReturnSummaries summaries = new ReturnSummaries(paths);
  private final ImmutableList<String> asyncNames;
  private final ImmutableList<String> lazyNames;

  /**
   * The async types of the compilation {@link #asyncTypesContext} belongs to: asked for nearly
   * every call, so kept here rather than looked up in the {@link VisitorState}'s cache each time.
   */
  private @Nullable AsyncTypes asyncTypesNow;

  private @Nullable Context asyncTypesContext;

  /** Asked in turn; the first that excuses the call wins. */
  private final ImmutableList<CallSiteExemption> exemptions =
      ImmutableList.of(
          new PassthroughExemption(summaries, this),
          new HeldPromiseExemption(),
          new ObservedEarlierInChainExemption(),
          new NeverRefusingReceiverExemption(),
          new DrainedBufferExemption(),
          new FullyWritingReceiverExemption(),
          new RetriedOrUnboundedWaitExemption(),
          new RecheckedOutcomeExemption(),
          new EmptyTaskListExemption(),
          new PeriodicTasksOnlyExemption(paths),
          new DrainedEarlierExemption(),
          new GuardedTaskExemption(this, paths),
          new FailureHandlerExemption(this));

  /** Called by Error Prone's injector: one instance per compilation, shared by the checks. */
  @Inject
  public Obligations(HeedOptions options, Catalogue catalogue) {
    this.catalogue = catalogue;
    this.verdicts =
        new MethodVerdicts(catalogue, new MustUseAnnotations(options.mustUseAnnotations()));
    ImmutableList<String> lazy = catalogue.typeNames(Category.LAZY_TYPE);
    ImmutableList<String> async =
        Stream.of(catalogue.typeNames(Category.ASYNC_TYPE), lazy, options.asyncTypes())
            .flatMap(ImmutableList::stream)
            .collect(toImmutableList());
    this.asyncNames = async;
    this.lazyNames = lazy;
  }

  @SuppressWarnings("ReferenceEquality") // the same compilation is the same Context instance
  private AsyncTypes asyncTypes(VisitorState state) {
    AsyncTypes known = asyncTypesNow;
    if (known == null || asyncTypesContext != state.context) {
      known =
          new AsyncTypes(
              resolve(asyncNames, state),
              resolve(lazyNames, state),
              asyncNames,
              lazyNames,
              state.getTypes());
      asyncTypesNow = known;
      asyncTypesContext = state.context;
    }
    return known;
  }

  private static ImmutableList<Type> resolve(ImmutableList<String> names, VisitorState state) {
    return names.stream()
        .map(name -> Names.lookUp(name, state))
        .filter(Objects::nonNull)
        .collect(toImmutableList());
  }

  /**
   * The obligation that the body of the method declared at {@code declaration} passes on to its
   * callers, as it was where the body got it, if the method is a wrapper whose result owes it only
   * because of its body: not because of an annotation, a model or its result's type.
   */
  public Optional<Obligation> passedOn(TreePath declaration, VisitorState state) {
    MethodTree tree = (MethodTree) declaration.getLeaf();
    MethodSymbol declared = ASTHelpers.getSymbol(tree);
    if (tree.getBody() == null) {
      return Optional.empty();
    }
    TreePath body = new TreePath(declaration, tree.getBody());
    List<TreePath> returned = ReturnSummaries.returnedValues(body);
    if (!ReturnSummaries.mayPassOn(returned) || isAsync(declared.getReturnType(), state)) {
      // Most methods are decided by the tree alone. An async result owes its obligation by its
      // type, which every caller sees: the rule chain decides it before any inferred obligation.
      return Optional.empty();
    }
    if (!(summaries.of(declared, body, returned, state, this)
        instanceof ReturnSummaries.Inferred inferred)) {
      return Optional.empty();
    }
    Verdict verdict = verdictOf(declared, state);
    return verdict.ofMethod()
            && verdict.consequence().startsWith(Names.describe(declared) + " returns the ")
        ? Optional.of(inferred.origin())
        : Optional.empty();
  }

  /**
   * Whether {@code method} can owe an obligation of its own ({@link Verdict#ofMethod}), tested
   * without the whole rule chain (see {@link MethodVerdicts#mayOweByMethod}).
   */
  boolean mayOweByMethod(MethodSymbol method, VisitorState state) {
    return verdicts.mayOweByMethod(
        method,
        () -> summaries.of(method, state, this) instanceof ReturnSummaries.Inferred,
        state.getTypes());
  }

  /**
   * Whether the call at {@code site}, whose result is of type {@code result}, starts eager work of
   * its own: the result is not lazy, and the receiver, if any, is not async (a stage of another
   * future also carries that future's failure).
   */
  boolean startsEagerWork(CallSite site, @Nullable Type result) {
    VisitorState state = site.state();
    if (result == null || isLazy(result, state)) {
      return false;
    }
    if (site.method().isStatic()) {
      return true;
    }
    Type receiver = site.receiverType();
    return receiver != null && !isAsync(receiver, state);
  }

  /** Whether {@code type} is an async type: an {@code async-type} or {@code lazy-type}. */
  public boolean isAsync(Type type, VisitorState state) {
    return isReference(type) && asyncTypes(state).isAsync(state.getTypes().erasure(type));
  }

  /**
   * Whether {@code type} is a lazy async type: a {@code lazy-type}, whose work runs on subscribe.
   */
  public boolean isLazy(Type type, VisitorState state) {
    return isReference(type) && asyncTypes(state).isLazy(state.getTypes().erasure(type));
  }

  private static boolean isReference(Type type) {
    return !type.isErroneous() && type.isReference();
  }

  /** What {@link ObservedReturns} asks about calls, answered from this compilation's facts. */
  ObservedReturns.Facts observedReturnFacts(VisitorState state) {
    return new ObservedReturns.Facts() {
      @Override
      public boolean isFailureStage(MethodSymbol method) {
        return isEagerAsync(method.getReturnType(), state)
            && (catalogue.names(Category.OBSERVES_FAILURE, method, state.getTypes())
                || FailureCallbackRule.observesFailure(
                    method, state.getTypes(), asyncTypes(state)));
      }

      @Override
      public boolean returnsObserved(MethodSymbol method) {
        return isEagerAsync(method.getReturnType(), state)
            && summaries.of(method, state, Obligations.this) instanceof ReturnSummaries.Observed;
      }

      @Override
      public boolean isFailureListener(Symbol field) {
        return catalogue.isField(Category.FAILURE_LISTENER, field, state.getTypes());
      }

      @Override
      public boolean isFailure(Type type) {
        return FailureCallbackRule.isThrowable(type, state.getTypes());
      }
    };
  }

  /** Whether {@code type} is an async type whose work runs whether or not anyone holds it. */
  boolean isEagerAsync(Type type, VisitorState state) {
    return isAsync(type, state) && !isLazy(type, state);
  }

  /** The catalogue these obligations are read from. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * The obligation carried by the result of {@code call}, a method invocation, constructor call or
   * method reference at {@code path}, if its result is must-use there.
   */
  public Optional<Obligation> of(ExpressionTree call, TreePath path, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return Optional.empty(); // error trees, or not a call at all
    }
    if (method.isConstructor() && call instanceof MethodInvocationTree) {
      return Optional.empty(); // super(...) or this(...): initializes the value being built
    }
    MethodSymbol superConstructor = AnonymousSubclass.superConstructor(call, method);
    Verdict verdict = Verdict.NONE;
    if (superConstructor != null) {
      verdict = verdictOf(superConstructor, state);
      if (!verdict.isNone()) {
        method = superConstructor;
      }
    }
    if (verdict.isNone()) {
      verdict = verdictOf(method, state);
    }
    if (verdict.isNone()) {
      verdict = inheritedImplementation(method, call, state);
    }
    if (verdict.isNone()) {
      return Optional.empty();
    }
    CallSite site = new CallSite(call, method, verdict, path, state, catalogue);
    for (CallSiteExemption exemption : exemptions) {
      if (exemption.appliesTo(verdict) && exemption.excuses(site)) {
        return Optional.empty();
      }
    }
    String described = Names.describe(method);
    if (verdict.category() != null) {
      // A model speaks in the receiver's terms: SocketChannel.write, not WritableByteChannel's.
      Type receiver = site.receiverType();
      described =
          (receiver == null
                  ? method.owner.getSimpleName().toString()
                  : Names.simpleName(state.getTypes().erasure(receiver)))
              + "."
              + described;
    }
    return Optional.of(
        new Obligation(
            Objects.requireNonNull(verdict.kind()),
            valueType(call, method, state),
            described,
            verdict.consequence(),
            verdict.remedy(),
            verdict.category(),
            verdict.ofMethod()));
  }

  private Verdict verdictOf(MethodSymbol method, VisitorState state) {
    Verdict known = verdicts.known(method);
    if (known != null) {
      return known; // most calls: a callee seen before, with no lambda or lookup built for it
    }
    return verdicts.of(
        method, asyncTypes(state), state.getTypes(), m -> summaries.of(m, state, this));
  }

  private Verdict inheritedImplementation(
      MethodSymbol method, ExpressionTree call, VisitorState state) {
    if (!(call instanceof MethodInvocationTree)
        || method.isStatic()
        || method.isConstructor()
        || method.getReturnType().getKind() == TypeKind.VOID) {
      return Verdict.NONE;
    }
    Type receiver = ASTHelpers.getReceiverType(call);
    if (receiver == null
        || !(receiver.tsym instanceof ClassSymbol origin)
        || origin.equals(method.owner)) {
      return Verdict.NONE;
    }
    return verdicts.inheritedImplementation(method, origin, state.getTypes());
  }

  /** The simple name of the dropped value's type, as instantiated at the call when known. */
  private static String valueType(ExpressionTree call, MethodSymbol method, VisitorState state) {
    Type declared = method.isConstructor() ? method.owner.type : method.getReturnType();
    // A method reference's type is its functional interface, not the referenced method's result.
    Type type = call instanceof MemberReferenceTree ? declared : ASTHelpers.getType(call);
    if (type == null || type.isErroneous() || !type.isReference()) {
      type = declared;
    }
    return Names.simpleName(state.getTypes().erasure(type));
  }
}
