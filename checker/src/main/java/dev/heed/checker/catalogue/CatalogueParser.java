package dev.heed.checker.catalogue;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.stream.Collectors.joining;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.heed.checker.catalogue.Entry.FieldEntry;
import dev.heed.checker.catalogue.Entry.MethodEntry;
import dev.heed.checker.catalogue.Entry.NameEntry;
import dev.heed.checker.catalogue.Entry.NamePattern;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * Reads the model-file format (docs/models.md) into typed entries: a pure function of the text,
 * with one problem per malformed line naming the file and the line.
 */
public final class CatalogueParser {

  /** The entries of one file, and what was wrong with the lines that were not entries. */
  public record Parsed(ImmutableList<Entry> entries, ImmutableList<String> problems) {}

  private static final Pattern METHOD = Pattern.compile("^([\\w$.]+)\\.([\\w$]+)\\(([^)]*)\\)$");
  private static final Pattern RECEIVER =
      Pattern.compile("^([\\w$.]+?)(\\(\\))?(?:\\s+([\\w$*]+(?:\\s*,\\s*[\\w$*]+)*))?$");
  private static final Pattern NAME = Pattern.compile("^[\\w$]+\\*?$");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+--(?:\\s+|$)");

  /** What a malformed must-use entry is told, the format users meet first. */
  private static final String MUST_USE_FORMAT =
      "expected '<category> <pkg.Type>.<method>(<erased parameter types>) -- <what is lost>' or"
          + " 'never-refuses <pkg.Type> -- <why>'";

  private static final ImmutableSet<String> PRIMITIVES =
      ImmutableSet.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  private CatalogueParser() {}

  /** Parses the text of the file called {@code file} (used only in problems). */
  public static Parsed parse(String text, String file) {
    ImmutableList.Builder<Entry> entries = ImmutableList.builder();
    List<String> problems = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<Entry> parsed = new ArrayList<>(1);
      String error = parseLine(line, parsed);
      if (error == null) {
        entries.addAll(parsed);
      } else {
        problems.add(file + ":" + (i + 1) + ": " + error + ", got '" + line + "'");
      }
    }
    return new Parsed(entries.build(), ImmutableList.copyOf(problems));
  }

  /** Adds the entry on {@code line}; returns what is wrong with it, or null. */
  private static @Nullable String parseLine(String line, List<Entry> out) {
    String keyword = keyword(line);
    Optional<Category> found = Category.fromKeyword(keyword);
    if (found.isEmpty()) {
      return "unknown category '"
          + keyword
          + "' (one of "
          + Arrays.stream(Category.values()).map(Category::keyword).collect(joining(", "))
          + ")";
    }
    Category category = found.get();
    Matcher separator = SEPARATOR.matcher(line);
    if (!separator.find() || separator.start() < keyword.length()) {
      return expected(category);
    }
    String comment = line.substring(separator.end()).strip();
    if (comment.isEmpty()) {
      return expected(category);
    }
    String subject = line.substring(keyword.length(), separator.start()).strip();
    Entry entry =
        switch (category.shape()) {
          case METHOD -> method(category, subject, comment);
          case TYPE ->
              SourceVersion.isName(subject)
                  ? new TypeEntry(category, subject, false, ImmutableList.of(), comment)
                  : null;
          case RECEIVER -> receiver(category, subject, comment);
          case FIELD -> field(category, subject, comment);
          case NAME ->
              NAME.matcher(subject).matches()
                  ? new NameEntry(category, NamePattern.parse(subject), comment)
                  : null;
        };
    if (entry == null) {
      return category.shape() == Category.Shape.METHOD
          ? methodProblem(category, subject)
          : expected(category);
    }
    out.add(entry);
    return null;
  }

  /** The first word of a stripped, non-empty line: read by hand, as every compilation parses. */
  private static String keyword(String line) {
    int end = 0;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return line.substring(0, end);
  }

  private static @Nullable MethodEntry method(Category category, String subject, String comment) {
    Matcher method = METHOD.matcher(subject);
    if (!method.matches() || !SourceVersion.isName(method.group(1))) {
      return null;
    }
    List<String> parameters =
        Splitter.on(',').trimResults().omitEmptyStrings().splitToList(method.group(3));
    boolean anyTrailing = !parameters.isEmpty() && parameters.getLast().equals("...");
    ImmutableList<String> fixed =
        parameters.stream().filter(p -> !p.equals("...")).collect(toImmutableList());
    if (fixed.size() != parameters.size() - (anyTrailing ? 1 : 0)
        || fixed.stream().anyMatch(p -> !isParameterType(p))) {
      return null;
    }
    return new MethodEntry(category, method.group(1), method.group(2), fixed, anyTrailing, comment);
  }

  /** Why a method subject is malformed, as precisely as can be said. */
  private static String methodProblem(Category category, String subject) {
    Matcher method = METHOD.matcher(subject);
    if (method.matches() && SourceVersion.isName(method.group(1))) {
      List<String> parameters =
          Splitter.on(',').trimResults().omitEmptyStrings().splitToList(method.group(3));
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).equals("...") && i != parameters.size() - 1) {
          return "'...' may only end the parameter list";
        }
        if (!parameters.get(i).equals("...") && !isParameterType(parameters.get(i))) {
          return "'" + parameters.get(i) + "' is not an erased, fully qualified parameter type";
        }
      }
    }
    return expected(category);
  }

  private static boolean isParameterType(String parameter) {
    String element = parameter.replace("[]", "");
    return PRIMITIVES.contains(element) || SourceVersion.isName(element);
  }

  private static @Nullable TypeEntry receiver(Category category, String subject, String comment) {
    Matcher receiver = RECEIVER.matcher(subject);
    if (!receiver.matches()
        || !SourceVersion.isName(receiver.group(1))
        || (receiver.group(2) != null && category != Category.NEVER_REFUSES)) {
      return null;
    }
    ImmutableList<NamePattern> methods =
        receiver.group(3) == null
            ? ImmutableList.of()
            : Splitter.on(',')
                .trimResults()
                .splitToStream(receiver.group(3))
                .map(NamePattern::parse)
                .collect(toImmutableList());
    return new TypeEntry(category, receiver.group(1), receiver.group(2) != null, methods, comment);
  }

  private static @Nullable FieldEntry field(Category category, String subject, String comment) {
    int dot = subject.lastIndexOf('.');
    if (dot < 0 || !SourceVersion.isName(subject)) {
      return null;
    }
    return new FieldEntry(category, subject.substring(0, dot), subject.substring(dot + 1), comment);
  }

  private static String expected(Category category) {
    if (category.isMustUse()) {
      return MUST_USE_FORMAT;
    }
    String subject =
        switch (category.shape()) {
          case METHOD -> "<pkg.Type>.<method>(<erased parameter types>)";
          case TYPE -> "<pkg.Type>";
          case RECEIVER -> "<pkg.Type>[()] [<method>[*], ...]";
          case FIELD -> "<pkg.Type>.<FIELD>";
          case NAME -> "<name> or <prefix>*";
        };
    return "expected '" + category.keyword() + " " + subject + " -- <comment>'";
  }
}
