package dev.heed.checker.catalogue;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.Iterables;
import com.google.common.io.Resources;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Entry.FieldEntry;
import dev.heed.checker.catalogue.Entry.MethodEntry;
import dev.heed.checker.catalogue.Entry.NameEntry;
import dev.heed.checker.catalogue.Entry.NamePattern;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.lang.model.element.Name;
import javax.lang.model.type.TypeKind;

/**
 * Every fact Heed knows about APIs, as data: the built-in files beside this class ({@code
 * models.txt}, the JDK's must-use results and receiver relations; {@code vocabulary.txt}, async
 * types, exempt methods, closes, writes, awaits and listeners) and the files named by {@code
 * -XepOpt:Heed:Models}, all in one format, read once per compilation. The rules ask it typed
 * questions; none of them keeps a list of its own.
 */
public final class Catalogue {
  private static final ImmutableList<String> BUILT_IN =
      ImmutableList.of("models.txt", "vocabulary.txt");

  private final ImmutableListMultimap<String, MethodEntry> methodsByName;
  private final ImmutableListMultimap<Category, TypeEntry> types;
  private final ImmutableListMultimap<Category, NameEntry> names;

  /** Teardown verdicts by method name: names repeat, and every call in a body is asked. */
  private final Map<String, Boolean> teardowns = new HashMap<>();

  /**
   * The same verdicts by javac's interned name, and those of {@link #matchesName} by category: the
   * flow analysis's first look asks them for every call of every body, and a {@link Name} needs no
   * decoding to a string to be looked up.
   */
  private final NameVerdicts teardownNames = new NameVerdicts(this::isTeardown);

  private final NameVerdicts mustUseModelNames = new NameVerdicts(this::anyMustUseModelNamed);

  private final Map<Category, NameVerdicts> namesMatched = new EnumMap<>(Category.class);

  private final Map<Category, Map<TypeSymbol, Optional<TypeEntry>>> typesMatched =
      new EnumMap<>(Category.class);

  private final ImmutableListMultimap<String, FieldEntry> fieldsByName;

  /** Called by Error Prone's injector: one instance per compilation, shared by the checks. */
  @Inject
  public Catalogue(HeedOptions options, ConfigProblems problems) {
    List<Entry> entries = new ArrayList<>();
    for (String file : BUILT_IN) {
      String text;
      try {
        text = Resources.toString(Resources.getResource(Catalogue.class, file), UTF_8);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException("heed-checker is missing its " + file, e);
      }
      add(CatalogueParser.parse(text, file + " (built in)"), entries, problems::add);
    }
    String flag = "-XepOpt:" + HeedOptions.MODELS + "=" + String.join(",", options.modelFiles());
    for (String path : options.modelFiles()) {
      String text;
      try {
        text = Files.readString(Path.of(path), UTF_8);
      } catch (IOException | RuntimeException e) {
        problems.add(
            String.format(
                "%s: cannot read model file %s (%s)", flag, path, e.getClass().getName()));
        continue;
      }
      add(CatalogueParser.parse(text, path), entries, p -> problems.add(flag + ": " + p));
    }
    // Loops, not streams: every compilation builds a catalogue, in code not yet JIT-compiled.
    ImmutableListMultimap.Builder<String, MethodEntry> methods = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<Category, TypeEntry> typeEntries =
        ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<Category, NameEntry> nameEntries =
        ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<String, FieldEntry> fields = ImmutableListMultimap.builder();
    for (Entry entry : entries) {
      // instanceof tests, not a pattern switch: its first run links a bootstrap method.
      if (entry instanceof MethodEntry method) {
        methods.put(method.name(), method);
      } else if (entry instanceof TypeEntry type) {
        typeEntries.put(type.category(), type);
      } else if (entry instanceof NameEntry name) {
        nameEntries.put(name.category(), name);
      } else if (entry instanceof FieldEntry field) {
        fields.put(field.name(), field);
      }
    }
    this.methodsByName = methods.build();
    this.types = typeEntries.build();
    this.names = nameEntries.build();
    this.fieldsByName = fields.build();
  }

  /** The built-in catalogue alone, for checks constructed without the injector. */
  public static Catalogue builtIn() {
    HeedOptions defaults = HeedOptions.defaults();
    return new Catalogue(defaults, new ConfigProblems(defaults));
  }

  private static void add(
      CatalogueParser.Parsed parsed, List<Entry> entries, Consumer<String> problems) {
    entries.addAll(parsed.entries());
    parsed.problems().forEach(problems);
  }

  /** The must-use model of {@code method} or of a method it overrides, if any. */
  public Optional<MethodEntry> mustUseModel(
      MethodSymbol method, Iterable<MethodSymbol> overridden, Types types) {
    ImmutableList<MethodEntry> candidates = methodsByName.get(method.getSimpleName().toString());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    for (MethodSymbol m : Iterables.concat(List.of(method), overridden)) {
      for (MethodEntry entry : candidates) {
        if (entry.category().isMustUse() && matches(entry, m, types)) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether some must-use model names a method called {@code simpleName}, in any type. */
  public boolean hasMustUseModelNamed(Name simpleName) {
    return mustUseModelNames.test(simpleName);
  }

  private boolean anyMustUseModelNamed(String simpleName) {
    for (MethodEntry entry : methodsByName.get(simpleName)) {
      if (entry.category().isMustUse()) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry of {@code category} names {@code method} or a method it overrides. */
  public boolean names(Category category, MethodSymbol method, Types types) {
    ImmutableList<MethodEntry> candidates = methodsByName.get(method.getSimpleName().toString());
    if (candidates.stream().noneMatch(e -> e.category() == category)) {
      return false; // the common case, without looking for overridden methods
    }
    for (MethodSymbol m :
        Iterables.concat(List.of(method), ASTHelpers.findSuperMethods(method, types))) {
      for (MethodEntry entry : candidates) {
        if (entry.category() == category && matches(entry, m, types)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(MethodEntry entry, MethodSymbol method, Types types) {
    if (!Relocations.sameName(method.owner.getQualifiedName(), entry.owner())) {
      return false;
    }
    List<String> actual =
        method.getParameters().stream().map(p -> types.erasure(p.type).toString()).toList();
    return entry.anyTrailing()
        ? actual.size() >= entry.parameters().size()
            && Relocations.sameNames(
                actual.subList(0, entry.parameters().size()), entry.parameters())
        : Relocations.sameNames(actual, entry.parameters());
  }

  /**
   * The qualified names of the types of {@code category} ({@code async-type}, {@code lazy-type}).
   */
  public ImmutableList<String> typeNames(Category category) {
    return types.get(category).stream()
        .map(TypeEntry::type)
        .collect(ImmutableList.toImmutableList());
  }

  /** Whether a name entry of {@code category} matches the method name {@code name}. */
  public boolean matchesName(Category category, String name) {
    for (NameEntry entry : names.get(category)) {
      if (entry.pattern().matches(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #matchesName(Category, String)} for a name as javac holds it. */
  public boolean matchesName(Category category, Name name) {
    NameVerdicts matched = namesMatched.get(category);
    if (matched == null) {
      matched = new NameVerdicts(n -> matchesName(category, n));
      namesMatched.put(category, matched);
    }
    return matched.test(name);
  }

  /** {@link #isTeardown(String)} for a name as javac holds it. */
  public boolean isTeardown(Name name) {
    return teardownNames.test(name);
  }

  /**
   * A teardown (a close, shutdown, abort, ...), by any word of its camel-case name: {@code close},
   * {@code closeAsync}, {@code shutdownGracefully}, {@code sendCloseFrame}. A name whose last word
   * is {@code Future} or {@code Promise} names the future of a teardown ({@code closeFuture()}),
   * which starts nothing.
   */
  public boolean isTeardown(String name) {
    return teardowns.computeIfAbsent(name, this::hasTeardownWord);
  }

  /** By words, as {@code [start, end)} ranges of the name: no substring, list or lowercase copy. */
  private boolean hasTeardownWord(String name) {
    int lastStart = 0;
    for (int i = name.length() - 1; i > 0; i--) {
      if (Character.isUpperCase(name.charAt(i))) {
        lastStart = i;
        break;
      }
    }
    if (lastStart > 0) {
      for (String accessor : ACCESSOR_WORDS) {
        if (isWord(name, lastStart, name.length(), accessor, false)) {
          return false;
        }
      }
    }
    int start = 0;
    for (int i = 1; i <= name.length(); i++) {
      if (i == name.length() || Character.isUpperCase(name.charAt(i))) {
        for (NameEntry entry : names.get(Category.TEARDOWN_WORD)) {
          NamePattern pattern = entry.pattern();
          if (isWord(name, start, i, pattern.text(), pattern.prefix())) {
            return true;
          }
        }
        start = i;
      }
    }
    return false;
  }

  /**
   * Whether {@code name[start, end)}, lower-cased, is {@code word} (or starts with it, for a prefix
   * pattern).
   */
  private static boolean isWord(String name, int start, int end, String word, boolean prefix) {
    int length = word.length();
    if (prefix ? length > end - start : length != end - start) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (Ascii.toLowerCase(name.charAt(start + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static final ImmutableList<String> ACCESSOR_WORDS = ImmutableList.of("future", "promise");

  /**
   * Whether a receiver of static type {@code receiver} has the fact {@code category} ({@code
   * never-refuses}, {@code writes-fully}) for its method {@code method}.
   */
  public boolean receiverFact(Category category, Type receiver, String method, Types types) {
    for (Type supertype : types.closure(types.erasure(receiver))) {
      String name = supertype.tsym.getQualifiedName().toString();
      for (TypeEntry entry : this.types.get(category)) {
        if (!entry.unsized() && Relocations.sameName(name, entry.type()) && entry.covers(method)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code created}, the type of a {@code new} expression, never refuses {@code method}:
   * always, or because it was created without a capacity ({@code new LinkedBlockingQueue<>()}).
   */
  public boolean neverRefusesWhenCreated(Type created, boolean sized, String method, Types types) {
    if (receiverFact(Category.NEVER_REFUSES, created, method, types)) {
      return true;
    }
    String name = types.erasure(created).tsym.getQualifiedName().toString();
    return !sized
        && this.types.get(Category.NEVER_REFUSES).stream()
            .anyMatch(e -> e.unsized() && Relocations.sameName(name, e.type()) && e.covers(method));
  }

  /** Whether {@code symbol} is a field that an entry of {@code category} names. */
  public boolean isField(Category category, Symbol symbol, Types types) {
    for (FieldEntry entry : fieldsByName.get(symbol.getSimpleName().toString())) {
      if (entry.category() == category
          && symbol.owner != null
          && types.closure(symbol.owner.type).stream()
              .anyMatch(t -> Relocations.sameName(t.tsym.getQualifiedName(), entry.owner()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code created} is, or extends, a {@code wrapper} or {@code buffering-wrapper}. */
  public boolean isWrapper(Type created, Types types) {
    return hasType(Category.WRAPPER, created, types).isPresent()
        || hasType(Category.BUFFERING_WRAPPER, created, types).isPresent();
  }

  /** The {@code buffering-wrapper} entry of {@code type} or of a supertype, if any. */
  public Optional<TypeEntry> bufferingWrapper(Type type, Types types) {
    return hasType(Category.BUFFERING_WRAPPER, type, types);
  }

  private Optional<TypeEntry> hasType(Category category, Type type, Types types) {
    ImmutableList<TypeEntry> entries = this.types.get(category);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return typeEntry(entries, type, types);
    }
    // Asked for every call the flow analysis meets: the answer is kept per class.
    Map<TypeSymbol, Optional<TypeEntry>> known =
        typesMatched.computeIfAbsent(category, c -> new HashMap<>());
    Optional<TypeEntry> found = known.get(type.tsym);
    if (found == null) {
      found = typeEntry(entries, type, types);
      known.put(type.tsym, found);
    }
    return found;
  }

  private static Optional<TypeEntry> typeEntry(
      ImmutableList<TypeEntry> entries, Type type, Types types) {
    for (Type supertype : types.closure(types.erasure(type))) {
      for (TypeEntry entry : entries) {
        if (Relocations.sameName(supertype.tsym.getQualifiedName(), entry.type())) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }
}
