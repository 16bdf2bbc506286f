package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixture: a Java source with inline expectations. A line that must be reported ends with {@code
 * // expect: CheckName} (several names separated by commas for several findings on one line); a
 * name may carry a fragment of the message it must contain ({@code // expect: DiscardedMustUse:
 * stored in 'unused'}). Every other line must stay silent. A header line {@code // options: ...}
 * adds javac or Error Prone options ({@code ${fixtures}} stands for the fixtures' directory), and
 * {@code // compile-errors: expected} marks a source that does not compile.
 */
record Fixture(
    String resource,
    String source,
    ImmutableMultiset<Finding> expected,
    ImmutableListMultimap<Finding, String> fragments,
    ImmutableList<String> options,
    boolean expectsCompileErrors) {

  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(.+?)\\s*$");

  /** One expectation: a check's name, then optionally a colon and a message fragment. */
  private static final Pattern ENTRY = Pattern.compile("^([A-Z][A-Za-z]+)(?::\\s*(.*))?$");

  private static final Pattern OPTIONS = Pattern.compile("^\\s*//\\s*options:\\s*(.*)$");
  private static final Pattern COMPILE_ERRORS =
      Pattern.compile("^\\s*//\\s*compile-errors:\\s*expected\\s*$");

  /** One report: a check's name at a 1-based line. */
  record Finding(long line, String check) {
    @Override
    public String toString() {
      return "line " + line + ": " + check;
    }
  }

  static Fixture load(String resource) {
    URL url = Resources.getResource(Fixture.class, "/fixtures/" + resource);
    String source;
    try {
      source = Resources.toString(url, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(resource, source);
  }

  /** A fixture from {@code source}, whose file name is {@code resource}'s. */
  static Fixture parse(String resource, String source) {
    ImmutableMultiset.Builder<Finding> expected = ImmutableMultiset.builder();
    ImmutableListMultimap.Builder<Finding, String> fragments = ImmutableListMultimap.builder();
    List<String> options = new ArrayList<>();
    boolean compileErrors = false;
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher expect = EXPECT.matcher(line);
      if (expect.find()) {
        for (String entry : entries(expect.group(1))) {
          Matcher parts = ENTRY.matcher(entry);
          if (!parts.matches()) {
            throw new IllegalArgumentException(resource + ":" + (i + 1) + ": bad marker " + entry);
          }
          Finding finding = new Finding(i + 1, parts.group(1));
          expected.add(finding);
          if (parts.group(2) != null) {
            fragments.put(finding, parts.group(2));
          }
        }
      }
      Matcher option = OPTIONS.matcher(line);
      if (option.matches()) {
        options.addAll(
            Splitter.on(CharMatcher.whitespace())
                .omitEmptyStrings()
                .splitToStream(option.group(1))
                .map(o -> o.replace("${fixtures}", fixturesDirectory()))
                .toList());
      }
      compileErrors |= COMPILE_ERRORS.matcher(line).matches();
    }
    return new Fixture(
        resource,
        source,
        expected.build(),
        fragments.build(),
        ImmutableList.copyOf(options),
        compileErrors);
  }

  /**
   * The comma-separated entries of a marker; a comma belongs to a message fragment unless a check
   * name follows it.
   */
  private static List<String> entries(String marker) {
    List<String> entries = new ArrayList<>();
    for (String part : Splitter.on(',').trimResults().split(marker)) {
      Matcher next = ENTRY.matcher(part);
      if (entries.isEmpty() || (next.matches() && Heed.CHECKS.contains(next.group(1)))) {
        entries.add(part);
      } else {
        entries.set(entries.size() - 1, entries.getLast() + ", " + part);
      }
    }
    return entries;
  }

  /** The 1-based line of the line ending with the marker {@code // at: name}. */
  static long lineOf(String source, String name) {
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// at: " + name)) {
        return i + 1L;
      }
    }
    throw new IllegalArgumentException("no line marked '// at: " + name + "'");
  }

  private static String fixturesDirectory() {
    try {
      return Path.of(Fixture.class.getResource("/fixtures").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture's top-level class name, from its resource path's file name. */
  String className() {
    String fileName = resource.substring(resource.lastIndexOf('/') + 1);
    return fileName.substring(0, fileName.length() - ".java".length());
  }
}
