package dev.heed.checker.report;

import static java.util.Comparator.comparing;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What identifies a finding across edits: the check, the source file (relative to the root), the
 * enclosing class, the enclosing member's signature, the reported code with its whitespace
 * collapsed, and which occurrence of that same code in that member it is (1 for the first). No line
 * number: inserting lines elsewhere changes no key, and a second identical drop in the same method
 * is a new key (occurrence 2).
 *
 * <p>As a baseline line the fields are separated by tabs, the code last (it has no tab: its
 * whitespace is collapsed to single spaces).
 */
public record FindingKey(
    String check, String file, String className, String member, int occurrence, String code) {

  /** The order of a baseline file: by file, class, member, check, code, then occurrence. */
  public static final Comparator<FindingKey> ORDER =
      comparing(FindingKey::file)
          .thenComparing(FindingKey::className)
          .thenComparing(FindingKey::member)
          .thenComparing(FindingKey::check)
          .thenComparing(FindingKey::code)
          .thenComparingInt(FindingKey::occurrence);

  private static final CharMatcher WHITESPACE = CharMatcher.whitespace();

  /** The key without its occurrence, which {@link Reporter} counts per compilation. */
  public FindingKey withOccurrence(int n) {
    return new FindingKey(check, file, className, member, n, code);
  }

  /** The baseline line of this key. */
  public String line() {
    return String.join("\t", check, file, className, member, Integer.toString(occurrence), code);
  }

  /** Parses a baseline line, or empty if it does not have six fields and a positive occurrence. */
  static Optional<FindingKey> parse(String line) {
    List<String> fields = Splitter.on('\t').limit(6).splitToList(line);
    if (fields.size() != 6 || fields.stream().limit(5).anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    int occurrence;
    try {
      occurrence = Integer.parseInt(fields.get(4));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (occurrence < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new FindingKey(
            fields.get(0), fields.get(1), fields.get(2), fields.get(3), occurrence, fields.get(5)));
  }

  /** The key (occurrence 1) of a finding of {@code check} at {@code at}. */
  static FindingKey of(String check, TreePath at, VisitorState state, Path root) {
    String className = "-";
    String member = "-";
    Tree child = null;
    for (TreePath p = at; p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (member.equals("-") && leaf instanceof MethodTree method) {
        member = signature(ASTHelpers.getSymbol(method), state);
      } else if (member.equals("-")
          && leaf instanceof VariableTree variable
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        member = variable.getName().toString(); // a field or its initializer
      } else if (leaf instanceof ClassTree type) {
        ClassSymbol symbol = ASTHelpers.getSymbol(type);
        className = symbol == null ? type.getSimpleName().toString() : symbol.flatName().toString();
        if (member.equals("-") && child instanceof BlockTree block) {
          member = block.isStatic() ? "static {}" : "{}"; // an initializer block
        }
        break;
      }
    }
    String source = state.getSourceForNode(at.getLeaf());
    String code =
        WHITESPACE.trimAndCollapseFrom(source == null ? at.getLeaf().toString() : source, ' ');
    return new FindingKey(
        check, relativeFile(at.getCompilationUnit(), root), className, member, 1, code);
  }

  /** {@code name(erased.Param, ...)}, {@code <init>(...)} for a constructor. */
  private static String signature(MethodSymbol method, VisitorState state) {
    return method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> state.getTypes().erasure(p.asType()).toString())
            .collect(Collectors.joining(",", "(", ")"));
  }

  /** The unit's file relative to {@code root} with {@code /} separators, or its absolute path. */
  static String relativeFile(CompilationUnitTree unit, Path root) {
    URI uri = unit.getSourceFile().toUri();
    if (!"file".equals(uri.getScheme())) {
      return uri.toString();
    }
    Path file = Path.of(uri).toAbsolutePath().normalize();
    Path shown = file.startsWith(root) ? root.relativize(file) : file;
    return shown.toString().replace(java.io.File.separatorChar, '/');
  }
}
