package dev.heed.checker;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.io.Resources;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.lang.model.SourceVersion;

/**
 * The modelled methods (design §2.3): JDK and third-party methods whose dropped result loses data,
 * kept as data. The built-in catalogue ({@code models.txt} beside this class) and the files named
 * by {@code -XepOpt:Heed:Models} share one format and are read once per compilation.
 */
public final class Models {

  /** One modelled method: {@code owner.name(parameters)}, with what its dropped result loses. */
  record Model(
      Category category,
      String owner,
      String name,
      ImmutableList<String> parameters,
      boolean anyTrailing,
      String lost) {

    boolean matches(MethodSymbol method, Types types) {
      if (!method.owner.getQualifiedName().contentEquals(owner)) {
        return false;
      }
      List<String> actual =
          method.getParameters().stream().map(p -> types.erasure(p.type).toString()).toList();
      return anyTrailing
          ? actual.size() >= parameters.size()
              && actual.subList(0, parameters.size()).equals(parameters)
          : actual.equals(parameters);
    }
  }

  private static final Pattern METHOD =
      Pattern.compile("^(\\S+)\\s+([\\w$.]+)\\.([\\w$]+)\\(([^)]*)\\)\\s+--\\s+(\\S.*)$");
  private static final Pattern TYPE =
      Pattern.compile("^(\\S+)\\s+([\\w$.]+)(\\(\\))?\\s+--\\s+(\\S.*)$");

  /** {@code never-refuses T()}: only when created without a capacity. */
  private static final String UNSIZED = "()";

  private static final ImmutableSet<String> PRIMITIVES =
      ImmutableSet.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
  private static final String FORMAT =
      "expected '<category> <pkg.Type>.<method>(<erased parameter types>) -- <what is lost>' or"
          + " 'never-refuses <pkg.Type> -- <why>'";

  /** Methods by simple name, so that a call costs one map lookup. */
  private final ImmutableListMultimap<String, Model> byName;

  private final ImmutableSet<String> neverRefuse;

  /** Types that never refuse when created without a capacity ({@code never-refuses T()}). */
  private final ImmutableSet<String> neverRefuseUnsized;

  private final ImmutableSet<String> writesFully;

  /** {@code same-receiver} entries, by method name. */
  private final ImmutableListMultimap<String, Model> sameReceiver;

  /** Called by Error Prone's injector: one instance per compilation, shared by the checks. */
  @Inject
  public Models(HeedOptions options) {
    List<Model> models = new ArrayList<>();
    Map<String, List<String>> receivers = new HashMap<>(); // by keyword, "()" for unsized
    String builtIn;
    try {
      builtIn = Resources.toString(Resources.getResource(Models.class, "models.txt"), UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("heed-checker is missing its models.txt", e);
    }
    parse(builtIn, "models.txt (built in)", models, receivers, options::problem);
    for (String path : options.modelFiles()) {
      String flag = "-XepOpt:" + HeedOptions.MODELS + "=" + String.join(",", options.modelFiles());
      String text;
      try {
        text = Files.readString(Path.of(path), UTF_8);
      } catch (IOException | RuntimeException e) {
        options.problem(
            String.format(
                "%s: cannot read model file %s (%s)", flag, path, e.getClass().getName()));
        continue;
      }
      parse(text, path, models, receivers, problem -> options.problem(flag + ": " + problem));
    }
    this.byName =
        models.stream()
            .filter(m -> m.category().isMustUse())
            .collect(ImmutableListMultimap.toImmutableListMultimap(Model::name, m -> m));
    this.sameReceiver =
        models.stream()
            .filter(m -> m.category() == Category.SAME_RECEIVER)
            .collect(ImmutableListMultimap.toImmutableListMultimap(Model::name, m -> m));
    this.neverRefuse =
        ImmutableSet.copyOf(receivers.getOrDefault(Category.NEVER_REFUSES.keyword(), List.of()));
    this.neverRefuseUnsized =
        ImmutableSet.copyOf(
            receivers.getOrDefault(Category.NEVER_REFUSES.keyword() + UNSIZED, List.of()));
    this.writesFully =
        ImmutableSet.copyOf(receivers.getOrDefault(Category.WRITES_FULLY.keyword(), List.of()));
  }

  /** The model of {@code method} or of a method it overrides, if any. */
  Optional<Model> of(MethodSymbol method, Iterable<MethodSymbol> overridden, Types types) {
    ImmutableList<Model> candidates = byName.get(method.getSimpleName().toString());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    for (MethodSymbol m : com.google.common.collect.Iterables.concat(List.of(method), overridden)) {
      for (Model model : candidates) {
        if (model.matches(m, types)) {
          return Optional.of(model);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code method} (or one it overrides) returns what stands for its receiver. */
  boolean returnsSameReceiver(MethodSymbol method, Types types) {
    ImmutableList<Model> candidates = sameReceiver.get(method.getSimpleName().toString());
    if (candidates.isEmpty()) {
      return false;
    }
    Iterable<MethodSymbol> all =
        com.google.common.collect.Iterables.concat(
            List.of(method), com.google.errorprone.util.ASTHelpers.findSuperMethods(method, types));
    for (MethodSymbol m : all) {
      for (Model model : candidates) {
        if (model.matches(m, types)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a receiver of static type {@code type} always accepts what it is offered. */
  boolean neverRefuses(Type type, Types types) {
    for (Type supertype : types.closure(types.erasure(type))) {
      if (neverRefuse.contains(supertype.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code created}, the type of a {@code new} expression with {@code arguments}, never
   * refuses: an unbounded type, or one created without a capacity ({@code new
   * LinkedBlockingQueue<>()}).
   */
  boolean neverRefusesWhenCreated(Type created, boolean sized, Types types) {
    if (neverRefuses(created, types)) {
      return true;
    }
    String name = types.erasure(created).tsym.getQualifiedName().toString();
    return neverRefuseUnsized.contains(name) && !sized;
  }

  /** Whether partial-write methods on a receiver of static type {@code type} write everything. */
  boolean writesFully(Type type, Types types) {
    for (Type supertype : types.closure(types.erasure(type))) {
      if (writesFully.contains(supertype.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    return false;
  }

  /** Parses one model file; each malformed line is reported, naming the file and line. */
  private static void parse(
      String text,
      String file,
      List<Model> models,
      Map<String, List<String>> receivers,
      java.util.function.Consumer<String> problems) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      String error = parseLine(line, models, receivers);
      if (error != null) {
        problems.accept(where + error + ", got '" + line + "'");
      }
    }
  }

  /** Adds the entry on {@code line}; returns what is wrong with it, or null. */
  private static String parseLine(
      String line, List<Model> models, Map<String, List<String>> receivers) {
    String keyword = Splitter.onPattern("\\s+").limit(2).splitToList(line).get(0);
    Optional<Category> category = Category.fromKeyword(keyword);
    if (category.isEmpty()) {
      return "unknown category '"
          + keyword
          + "' (one of "
          + Arrays.stream(Category.values()).map(Category::keyword).collect(joining(", "))
          + ")";
    }
    if (category.get() == Category.NEVER_REFUSES || category.get() == Category.WRITES_FULLY) {
      Matcher type = TYPE.matcher(line);
      if (!type.matches()
          || !SourceVersion.isName(type.group(2))
          || (type.group(3) != null && category.get() != Category.NEVER_REFUSES)) {
        return FORMAT;
      }
      String key = category.get().keyword() + (type.group(3) == null ? "" : UNSIZED);
      receivers.computeIfAbsent(key, k -> new ArrayList<>()).add(type.group(2));
      return null;
    }
    Matcher method = METHOD.matcher(line);
    if (!method.matches() || !SourceVersion.isName(method.group(2))) {
      return FORMAT;
    }
    List<String> parameters =
        Splitter.on(',').trimResults().omitEmptyStrings().splitToList(method.group(4));
    boolean anyTrailing = !parameters.isEmpty() && parameters.getLast().equals("...");
    ImmutableList<String> fixed =
        parameters.stream().filter(p -> !p.equals("...")).collect(toImmutableList());
    if (fixed.size() != parameters.size() - (anyTrailing ? 1 : 0)) {
      return "'...' may only end the parameter list";
    }
    for (String parameter : fixed) {
      String element = parameter.replace("[]", "");
      if (!PRIMITIVES.contains(element) && !SourceVersion.isName(element)) {
        return "'" + parameter + "' is not an erased, fully qualified parameter type";
      }
    }
    models.add(
        new Model(
            category.get(),
            method.group(2),
            method.group(3),
            fixed,
            anyTrailing,
            method.group(5).strip()));
    return null;
  }
}
