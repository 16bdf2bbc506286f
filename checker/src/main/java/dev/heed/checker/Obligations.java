package dev.heed.checker;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a call's result is must-use (design §2), and so which check reports its drop.
 * Type lookups are built once per compilation and verdicts are cached per method, so the cost per
 * call is a map lookup once a method has been seen.
 */
public final class Obligations {

  /** Check names, as users write them in {@code -Xep:Name:LEVEL}. */
  static final String DISCARDED_FUTURE = "DiscardedFuture";

  static final String DISCARDED_MUST_USE = "DiscardedMustUse";

  /**
   * Async types that describe work rather than run it: dropping one means the work never happens.
   * Everything else is already running, and dropping it loses its failure.
   */
  private static final ImmutableList<String> LAZY_TYPES =
      ImmutableList.of(
          "java.util.concurrent.Flow.Publisher",
          "org.reactivestreams.Publisher",
          "io.reactivex.Completable",
          "io.reactivex.Single",
          "io.reactivex.Maybe",
          "io.reactivex.Observable",
          "io.reactivex.Flowable",
          "io.reactivex.rxjava3.core.Completable",
          "io.reactivex.rxjava3.core.Single",
          "io.reactivex.rxjava3.core.Maybe",
          "io.reactivex.rxjava3.core.Observable",
          "io.reactivex.rxjava3.core.Flowable",
          "io.smallrye.mutiny.Uni",
          "io.smallrye.mutiny.Multi");

  /** Async result types (design §2.1), looked up by name: a missing library costs nothing. */
  private static final ImmutableList<String> ASYNC_TYPES =
      ImmutableList.<String>builder()
          .add(
              "java.util.concurrent.Future",
              "java.util.concurrent.CompletionStage",
              "io.vertx.core.Future")
          .addAll(LAZY_TYPES)
          .build();

  /**
   * Methods whose async result drops nothing (design §2), by the type that declares them: they
   * return their receiver, observe the failure themselves, or hand the result out elsewhere.
   */
  private static final ImmutableMap<String, ImmutableSet<String>> EXEMPT_ASYNC_METHODS =
      ImmutableMap.<String, ImmutableSet<String>>builder()
          // Return the receiver.
          .put(
              "io.netty.util.concurrent.Future",
              ImmutableSet.of(
                  "addListener",
                  "addListeners",
                  "removeListener",
                  "removeListeners",
                  "sync",
                  "syncUninterruptibly",
                  "await",
                  "awaitUninterruptibly"))
          .put("io.netty.util.concurrent.Promise", ImmutableSet.of("setSuccess", "setFailure"))
          .put("io.netty.util.concurrent.ProgressivePromise", ImmutableSet.of("setProgress"))
          .put("java.util.concurrent.ForkJoinTask", ImmutableSet.of("fork"))
          .put(
              "java.util.concurrent.CompletableFuture",
              ImmutableSet.of("orTimeout", "completeOnTimeout", "completeAsync"))
          // Observe the failure themselves.
          .put(
              "java.util.concurrent.CompletionStage",
              ImmutableSet.of(
                  "exceptionally",
                  "exceptionallyAsync",
                  "exceptionallyCompose",
                  "exceptionallyComposeAsync",
                  "handle",
                  "handleAsync",
                  "whenComplete",
                  "whenCompleteAsync"))
          // andThen hands its handler the whole result, failure included, like whenComplete.
          .put("io.vertx.core.Future", ImmutableSet.of("onComplete", "onFailure", "andThen"))
          // The result is taken from the service.
          .put("java.util.concurrent.CompletionService", ImmutableSet.of("submit"))
          .buildOrThrow();

  private static final String CAN_IGNORE = "CanIgnoreReturnValue";

  /**
   * The future of a close, shutdown or abort tracks only the teardown's own failure, not data: the
   * data a close can lose is CloseBeforeFlush's to report, at the close that races a write.
   * Reporting every dropped {@code ctx.close()} would bury Netty code in noise (design §2 leaves it
   * to the evaluation).
   */
  private static final ImmutableSet<String> TEARDOWN_WORDS =
      ImmutableSet.of("close", "shutdown", "abort", "disconnect", "deregister");

  /** A parameter type named like this receives the result and the failure of the call. */
  private static final String CALLBACK = "Callback";

  /** What a never-refusing receiver guarantees: its offers succeed (tryTransfer still waits). */
  private static final String OFFER = "offer";

  private static final ImmutableSet<String> VERTX_HANDLERS =
      ImmutableSet.of("onSuccess", "onFailure", "onComplete");
  private static final Supplier<Type> VERTX_FUTURE =
      Suppliers.typeFromString("io.vertx.core.Future");
  private static final String VOID_PROMISE = "voidPromise";

  /** What a writes-fully receiver guarantees: its writes complete (a transferTo may not). */
  private static final String WRITE = "write";

  private static final String CONFIGURE_BLOCKING = "configureBlocking";

  /** Netty promise methods that return the promise they are called on. */
  private static final ImmutableSet<String> RETURNS_RECEIVER =
      ImmutableSet.of("addListener", "addListeners", "removeListener", "removeListeners");

  private final HeedOptions options;
  private final Models models;
  private final Supplier<ImmutableList<Type>> asyncTypes;
  private final Supplier<ImmutableList<Type>> lazyTypes;
  private final Supplier<ImmutableMap<Type, ImmutableSet<String>>> exemptAsyncMethods;
  private final Map<MethodSymbol, Verdict> verdicts = new HashMap<>();
  private final Map<Inherited, Verdict> inherited = new HashMap<>();
  private final Map<TypeSymbol, Optional<MustUse>> annotatedTypes = new HashMap<>();
  private final Map<VarSymbol, Boolean> onlyUnbounded = new HashMap<>();

  /** Called by Error Prone's injector: one instance per compilation, shared by the checks. */
  @Inject
  public Obligations(HeedOptions options, Models models) {
    this.options = options;
    this.models = models;
    this.asyncTypes =
        VisitorState.memoize(
            state ->
                Stream.concat(ASYNC_TYPES.stream(), options.asyncTypes().stream())
                    .map(name -> lookUp(name, state))
                    .filter(Objects::nonNull)
                    .collect(toImmutableList()));
    this.lazyTypes =
        VisitorState.memoize(
            state ->
                LAZY_TYPES.stream()
                    .map(name -> lookUp(name, state))
                    .filter(Objects::nonNull)
                    .collect(toImmutableList()));
    this.exemptAsyncMethods =
        VisitorState.memoize(
            state -> {
              ImmutableMap.Builder<Type, ImmutableSet<String>> exempt = ImmutableMap.builder();
              EXEMPT_ASYNC_METHODS.forEach(
                  (name, methods) -> {
                    Type type = lookUp(name, state);
                    if (type != null) {
                      exempt.put(type, methods);
                    }
                  });
              return exempt.buildOrThrow();
            });
  }

  HeedOptions options() {
    return options;
  }

  Models models() {
    return models;
  }

  /**
   * The obligation carried by the result of {@code call}, a method invocation, constructor call or
   * method reference, if its result is must-use.
   */
  Optional<Obligation> of(ExpressionTree call, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return Optional.empty(); // error trees, or not a call at all
    }
    if (method.isConstructor() && call instanceof MethodInvocationTree) {
      return Optional.empty(); // super(...) or this(...): initializes the value being built
    }
    Verdict verdict = verdicts.computeIfAbsent(method, m -> judgeSafely(m, state));
    if (verdict.isNone()) {
      verdict = inheritedImplementation(method, call, state);
    }
    if (verdict.isNone()
        || (verdict.check().equals(DISCARDED_FUTURE)
            && (passesHeldPromise(method, call, state)
                || failureObservedEarlierInChain(method, call, state)))
        || (verdict.category() == Category.REFUSED
            && method.getSimpleName().toString().startsWith(OFFER)
            && receiverNeverRefuses(call, state))
        || (verdict.category() != null
            && verdict.category().isBufferCount()
            && BufferDrains.drained(call, state))
        || (verdict.category() == Category.PARTIAL_WRITE
            && method.getSimpleName().contentEquals(WRITE)
            && receiverWritesFully(call, state))
        || (verdict.category() == Category.TIMED_OUT && waitIsRetriedOrUnbounded(call, state))) {
      return Optional.empty();
    }
    String described = describe(method);
    if (verdict.category() != null) {
      // A model speaks in the receiver's terms: SocketChannel.write, not WritableByteChannel's.
      Type receiver = receiverType(call);
      described =
          (receiver == null
                  ? method.owner.getSimpleName().toString()
                  : simpleName(state.getTypes().erasure(receiver)))
              + "."
              + described;
    }
    return Optional.of(
        new Obligation(
            verdict.check(),
            valueType(call, method, state),
            described,
            verdict.consequence(),
            verdict.remedy(),
            verdict.category()));
  }

  /** What is known of a method, whatever the call site. */
  private record Verdict(
      String check, String consequence, String remedy, @Nullable Category category) {
    static final Verdict NONE = new Verdict("", "", "", null);

    Verdict(String check, String consequence, String remedy) {
      this(check, consequence, remedy, null);
    }

    boolean isNone() {
      return check.isEmpty();
    }
  }

  /** A {@code @MustUse}-like annotation found on {@code on}, with its optional text. */
  private record MustUse(String on, String text) {}

  private Verdict judgeSafely(MethodSymbol method, VisitorState state) {
    try {
      return judge(method, state);
    } catch (CompletionFailure e) {
      // A supertype's class file is missing: javac reports that itself where it matters.
      return Verdict.NONE;
    }
  }

  private Verdict judge(MethodSymbol method, VisitorState state) {
    Types types = state.getTypes();
    if (!method.isConstructor() && method.getReturnType().getKind() == TypeKind.VOID) {
      return Verdict.NONE;
    }
    Set<MethodSymbol> overridden = ASTHelpers.findSuperMethods(method, types);
    if (Stream.concat(Stream.of(method), overridden.stream()).anyMatch(Obligations::canIgnore)) {
      return Verdict.NONE;
    }
    Optional<MustUse> onMethod =
        Stream.concat(Stream.of(method), overridden.stream())
            .map(this::mustUse)
            .flatMap(Optional::stream)
            .findFirst();
    if (onMethod.isPresent()) {
      return annotated(onMethod.get());
    }
    Type declared = declaredResult(method);
    if (declared != null && isAsync(declared, state)) {
      return isExemptAsync(method, state) ? Verdict.NONE : async(declared, state);
    }
    Optional<Models.Model> model = models.of(method, overridden, types);
    if (model.isPresent()) {
      Category category = model.get().category();
      return new Verdict(DISCARDED_MUST_USE, model.get().lost(), category.remedy(), category);
    }
    if (declared == null) {
      return Verdict.NONE;
    }
    return typeMustUse(declared, types).map(Obligations::annotated).orElse(Verdict.NONE);
  }

  /** A method as a member of the class it is called on. */
  private record Inherited(MethodSymbol method, ClassSymbol origin) {}

  /**
   * A method inherited from a class that is not itself a subtype of the annotated type implements
   * the annotated method only in the receiver's class: in {@code class AdaptedStore extends
   * PlainStore implements Store}, {@code PlainStore.put} implements {@code @MustUse Store.put}.
   */
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
    return inherited.computeIfAbsent(
        new Inherited(method, origin), key -> implementedMustUse(method, origin, state));
  }

  private Verdict implementedMustUse(MethodSymbol method, ClassSymbol origin, VisitorState state) {
    Types types = state.getTypes();
    try {
      for (Type supertype : types.closure(origin.type)) {
        for (Symbol member : supertype.tsym.members().getSymbolsByName(method.name)) {
          if (member instanceof MethodSymbol other
              && !other.equals(method)
              && method.overrides(other, origin, types, true)) {
            Optional<MustUse> mustUse = mustUse(other);
            if (mustUse.isPresent()) {
              return annotated(mustUse.get());
            }
          }
        }
      }
    } catch (CompletionFailure e) {
      // A supertype's class file is missing: javac reports that itself where it matters.
    }
    return Verdict.NONE;
  }

  /**
   * The declared result: a method's declared return type (the bound of a bare type variable), or a
   * constructor's class. Declared, not instantiated: {@code T Supplier.get()} is never a future.
   */
  private static Type declaredResult(MethodSymbol method) {
    Type type = method.isConstructor() ? method.owner.type : method.getReturnType();
    while (type != null && type.getKind() == TypeKind.TYPEVAR) {
      type = type.getUpperBound();
    }
    return type == null || type.isErroneous() || !type.isReference() ? null : type;
  }

  private boolean isAsync(Type declared, VisitorState state) {
    return asyncTypes.get(state).stream().anyMatch(t -> isSubtypeOfErased(declared, t, state));
  }

  /**
   * A teardown, by any word of its camel-case name: {@code close}, {@code closeAsync}, {@code
   * shutdownGracefully}, {@code poolCloseAsyncIfSupported}, {@code sendCloseFrame}.
   */
  private static boolean isTeardown(String name) {
    int start = 0;
    for (int i = 1; i <= name.length(); i++) {
      if (i == name.length() || Character.isUpperCase(name.charAt(i))) {
        if (TEARDOWN_WORDS.contains(Ascii.toLowerCase(name.substring(start, i)))) {
          return true;
        }
        start = i;
      }
    }
    return false;
  }

  /**
   * Erases the target only: ASTHelpers.isSubtype erases both sides, and the erasure of an
   * intersection ({@code T extends Runnable & Future<V>}) is its first bound alone.
   */
  private static boolean isSubtypeOfErased(Type type, Type target, VisitorState state) {
    Types types = state.getTypes();
    return types.isSubtype(type, types.erasure(target));
  }

  private boolean isExemptAsync(MethodSymbol method, VisitorState state) {
    if (isTeardown(method.getSimpleName().toString())) {
      return true;
    }
    if (method.getParameters().stream()
        .anyMatch(
            p ->
                p.type.tsym != null && p.type.tsym.getSimpleName().toString().endsWith(CALLBACK))) {
      return true; // the callback receives the result and the failure; the future is redundant
    }
    Type owner = method.owner.type;
    for (Map.Entry<Type, ImmutableSet<String>> exempt : exemptAsyncMethods.get(state).entrySet()) {
      if (exempt.getValue().contains(method.getSimpleName().toString())
          && ASTHelpers.isSubtype(owner, exempt.getKey(), state)) {
        return true;
      }
    }
    return false;
  }

  private Verdict async(Type declared, VisitorState state) {
    boolean lazy =
        lazyTypes.get(state).stream().anyMatch(t -> isSubtypeOfErased(declared, t, state));
    return lazy
        ? new Verdict(
            DISCARDED_FUTURE,
            "nothing subscribes to it, so the work it describes never runs and its errors are"
                + " never seen",
            "Subscribe to it, compose it into the chain, return it")
        : new Verdict(
            DISCARDED_FUTURE,
            "if it fails, nobody sees the exception",
            "Wait for it (get, join), chain on it, return it");
  }

  private static Verdict annotated(MustUse mustUse) {
    String consequence =
        mustUse.text().isEmpty()
            ? "but " + mustUse.on() + " is marked @MustUse: the result carries an obligation"
            : CharMatcher.anyOf(".!").trimTrailingFrom(mustUse.text().strip());
    return new Verdict(DISCARDED_MUST_USE, consequence, "Check it, return it");
  }

  /**
   * A method that takes a promise and returns it (Netty's {@code write(msg, promise)}) drops
   * nothing when the caller still holds that promise, or passes {@code voidPromise()} to ask for no
   * notification. The parameter must be a strict subtype of the result (a promise is a writable
   * future): {@code mono.then(other)} returns a new value of the same type and drops it.
   */
  private static boolean passesHeldPromise(
      MethodSymbol method, ExpressionTree call, VisitorState state) {
    List<? extends ExpressionTree> arguments;
    if (call instanceof MethodInvocationTree invocation) {
      arguments = invocation.getArguments();
    } else if (call instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
    } else {
      return false;
    }
    Types types = state.getTypes();
    Type result = method.getReturnType();
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
      Type parameter = parameters.get(i).type;
      if (types.isAssignable(parameter, result)
          && !types.isSameType(types.erasure(parameter), types.erasure(result))
          && isHeldOrVoidPromise(arguments.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Vert.x's {@code onSuccess}, {@code onFailure} and {@code onComplete} return their receiver:
   * {@code fut.onFailure(log).onSuccess(use);} drops nothing, because the same future's failure is
   * observed earlier in the chain.
   */
  private static boolean failureObservedEarlierInChain(
      MethodSymbol method, ExpressionTree call, VisitorState state) {
    Type vertxFuture = VERTX_FUTURE.get(state);
    if (vertxFuture == null
        || !method.getSimpleName().contentEquals("onSuccess")
        || !ASTHelpers.isSubtype(method.owner.type, vertxFuture, state)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    while (receiver instanceof MethodInvocationTree inner) {
      MethodSymbol handler = ASTHelpers.getSymbol(inner);
      if (!VERTX_HANDLERS.contains(handler.getSimpleName().toString())
          || !ASTHelpers.isSubtype(handler.owner.type, vertxFuture, state)) {
        return false;
      }
      if (!handler.getSimpleName().contentEquals("onSuccess")) {
        return true; // onFailure or onComplete: the failure is seen
      }
      receiver = ASTHelpers.getReceiver(inner);
    }
    return false;
  }

  /**
   * An offer is no loss on a receiver that never refuses it: an unbounded queue by its static type,
   * or a variable that is only ever assigned new unbounded queues.
   */
  private boolean receiverNeverRefuses(ExpressionTree call, VisitorState state) {
    Type receiver = receiverType(call);
    if (receiver == null) {
      return false;
    }
    Types types = state.getTypes();
    if (models.neverRefuses(receiver, types)) {
      return true;
    }
    if (!(receiverSymbol(call) instanceof VarSymbol variable)) {
      return false;
    }
    return onlyUnbounded.computeIfAbsent(
        variable,
        v -> {
          List<ExpressionTree> values = Assignments.of(v, state);
          return values != null
              && !values.isEmpty()
              && values.stream()
                  .map(ASTHelpers::stripParentheses)
                  .allMatch(
                      value ->
                          value instanceof NewClassTree created
                              && ASTHelpers.getType(created) != null
                              && models.neverRefusesWhenCreated(
                                  ASTHelpers.getType(created), isSized(created), types));
        });
  }

  /** {@code new LinkedBlockingQueue<>(capacity)}: a numeric argument sets a bound. */
  private static boolean isSized(NewClassTree created) {
    return created.getArguments().stream()
        .map(ASTHelpers::getType)
        .anyMatch(t -> t != null && t.isPrimitive());
  }

  /**
   * A partial write is no loss on a receiver that always writes everything: a FileChannel, or a
   * channel this method put in blocking mode before the write ({@code ch.configureBlocking(true)}).
   */
  private boolean receiverWritesFully(ExpressionTree call, VisitorState state) {
    Type receiver = receiverType(call);
    return receiver != null
        && (models.writesFully(receiver, state.getTypes()) || madeBlockingBefore(call, state));
  }

  private static boolean madeBlockingBefore(ExpressionTree call, VisitorState state) {
    Symbol channel = receiverSymbol(call);
    MethodTree method = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
    if (channel == null || method == null || method.getBody() == null) {
      return false;
    }
    int position = ASTHelpers.getStartPosition(call);
    return Calls.anyIn(
        method.getBody(),
        invocation ->
            ASTHelpers.getStartPosition(invocation) < position
                && ASTHelpers.getSymbol(invocation) != null
                && ASTHelpers.getSymbol(invocation)
                    .getSimpleName()
                    .contentEquals(CONFIGURE_BLOCKING)
                && invocation.getArguments().size() == 1
                && Boolean.TRUE.equals(ASTHelpers.constValue(invocation.getArguments().get(0)))
                && channel.equals(receiverSymbol(invocation)));
  }

  /**
   * A timed wait whose result is dropped is no loss when the wait is retried (inside a loop that
   * checks its own condition) or cannot time out ({@code awaitTermination(Long.MAX_VALUE, ...)}).
   */
  private static boolean waitIsRetriedOrUnbounded(ExpressionTree call, VisitorState state) {
    if (call instanceof MethodInvocationTree invocation) {
      for (ExpressionTree argument : invocation.getArguments()) {
        Object value = ASTHelpers.constValue(argument);
        if (value instanceof Number n
            && (n.longValue() == Integer.MAX_VALUE || n.longValue() == Long.MAX_VALUE)) {
          return true;
        }
      }
    }
    for (Tree enclosing : state.getPath()) {
      if (enclosing instanceof WhileLoopTree
          || enclosing instanceof DoWhileLoopTree
          || enclosing instanceof ForLoopTree) {
        return true;
      }
      if (enclosing instanceof MethodTree
          || enclosing instanceof LambdaExpressionTree
          || enclosing instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static @Nullable Symbol receiverSymbol(ExpressionTree call) {
    ExpressionTree receiver =
        call instanceof MemberReferenceTree reference
            ? reference.getQualifierExpression()
            : ASTHelpers.getReceiver(call);
    return receiver == null ? null : ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver));
  }

  /** The static type of the call's receiver, explicit or implicit ({@code this}). */
  private static @Nullable Type receiverType(ExpressionTree call) {
    if (call instanceof MemberReferenceTree reference) {
      return ASTHelpers.getType(reference.getQualifierExpression());
    }
    if (call instanceof MethodInvocationTree) {
      Type type = ASTHelpers.getReceiverType(call);
      return type == null || type.isErroneous() ? null : type;
    }
    return null;
  }

  private static boolean isHeldOrVoidPromise(ExpressionTree argument) {
    ExpressionTree unwrapped = ASTHelpers.stripParentheses(argument);
    while (unwrapped instanceof TypeCastTree cast) {
      unwrapped = ASTHelpers.stripParentheses(cast.getExpression()); // (ChannelPromise) entry
    }
    Symbol symbol = ASTHelpers.getSymbol(unwrapped);
    if (unwrapped instanceof MethodInvocationTree invocation) {
      if (symbol != null && RETURNS_RECEIVER.contains(symbol.getSimpleName().toString())) {
        ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
        return receiver != null && isHeldOrVoidPromise(receiver); // p.addListener(l) is p
      }
      return symbol != null && symbol.getSimpleName().contentEquals(VOID_PROMISE);
    }
    return symbol instanceof VarSymbol;
  }

  private static boolean canIgnore(Symbol symbol) {
    return symbol.getAnnotationMirrors().stream()
        .anyMatch(a -> a.getAnnotationType().asElement().getSimpleName().contentEquals(CAN_IGNORE));
  }

  /** A {@code @MustUse}-like annotation directly on {@code symbol}. */
  private Optional<MustUse> mustUse(Symbol symbol) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      TypeSymbol annotationType = annotation.type.tsym;
      if (options.mustUseAnnotations().contains(annotationType.getSimpleName().toString())
          || options.mustUseAnnotations().contains(annotationType.getQualifiedName().toString())) {
        String on =
            symbol instanceof MethodSymbol method
                ? describe(method)
                : symbol.getSimpleName().toString();
        return Optional.of(new MustUse(on, text(annotation)));
      }
    }
    return Optional.empty();
  }

  /** A {@code @MustUse}-like annotation on {@code type} or any of its supertypes. */
  private Optional<MustUse> typeMustUse(Type type, Types types) {
    return annotatedTypes.computeIfAbsent(
        type.tsym,
        symbol -> {
          for (Type supertype : types.closure(symbol.type)) {
            Optional<MustUse> found = mustUse(supertype.tsym);
            if (found.isPresent()) {
              return found;
            }
          }
          return Optional.empty();
        });
  }

  private static String text(AnnotationMirror annotation) {
    return annotation.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
        .map(e -> e.getValue().getValue())
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .findFirst()
        .orElse("");
  }

  /** The simple name of the dropped value's type, as instantiated at the call when known. */
  private static String valueType(ExpressionTree call, MethodSymbol method, VisitorState state) {
    Type declared = method.isConstructor() ? method.owner.type : method.getReturnType();
    // A method reference's type is its functional interface, not the referenced method's result.
    Type type = call instanceof MemberReferenceTree ? declared : ASTHelpers.getType(call);
    if (type == null || type.isErroneous() || !type.isReference()) {
      type = declared;
    }
    return simpleName(state.getTypes().erasure(type));
  }

  /** {@code send(String)}, or {@code new Lease(Duration)} for a constructor. */
  static String describe(MethodSymbol method) {
    StringBuilder text = new StringBuilder();
    if (method.isConstructor()) {
      text.append("new ").append(method.owner.getSimpleName());
    } else {
      text.append(method.getSimpleName());
    }
    text.append('(');
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(simpleName(parameters.get(i).type));
    }
    return text.append(')').toString();
  }

  private static String simpleName(Type type) {
    if (type instanceof Type.ArrayType array) {
      return simpleName(array.elemtype) + "[]";
    }
    return type.tsym == null ? type.toString() : type.tsym.getSimpleName().toString();
  }

  /**
   * Looks a type up by its canonical name, trying nested-class spellings ({@code Flow.Publisher} is
   * {@code Flow$Publisher}); {@code null} if it is not on the classpath.
   */
  private static Type lookUp(String name, VisitorState state) {
    String binary = name;
    while (true) {
      Type type = state.getTypeFromString(binary);
      if (type != null && !type.isErroneous()) {
        return type;
      }
      int dot = binary.lastIndexOf('.');
      if (dot < 0) {
        return null;
      }
      binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
    }
  }
}
