package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.io.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixture: a Java source with inline expectations. A line that must be reported ends with {@code
 * // expect: CheckName} (several names separated by commas for several findings on one line); every
 * other line must stay silent. A header line {@code // options: ...} adds javac or Error Prone
 * options, and {@code // compile-errors: expected} marks a source that does not compile.
 */
record Fixture(
    String resource,
    String source,
    ImmutableMultiset<Finding> expected,
    ImmutableList<String> options,
    boolean expectsCompileErrors) {

  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([A-Za-z, ]+)\\s*$");
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
    ImmutableMultiset.Builder<Finding> expected = ImmutableMultiset.builder();
    List<String> options = new ArrayList<>();
    boolean compileErrors = false;
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher expect = EXPECT.matcher(line);
      if (expect.find()) {
        for (String check : Splitter.on(',').trimResults().split(expect.group(1))) {
          expected.add(new Finding(i + 1, check));
        }
      }
      Matcher option = OPTIONS.matcher(line);
      if (option.matches()) {
        options.addAll(
            Splitter.on(CharMatcher.whitespace()).omitEmptyStrings().splitToList(option.group(1)));
      }
      compileErrors |= COMPILE_ERRORS.matcher(line).matches();
    }
    return new Fixture(
        resource, source, expected.build(), ImmutableList.copyOf(options), compileErrors);
  }

  /** The fixture's top-level class name, from its resource path's file name. */
  String className() {
    String fileName = resource.substring(resource.lastIndexOf('/') + 1);
    return fileName.substring(0, fileName.length() - ".java".length());
  }
}
