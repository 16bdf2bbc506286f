package dev.heed.checker.report;

import static dev.heed.checker.exceptions.ExceptionsReport.quote;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Comparator.comparing;

import com.google.common.base.Splitter;
import com.google.common.hash.Hashing;
import dev.heed.checker.HeedCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A SARIF 2.1.0 log of Heed's findings ({@code -XepOpt:Heed:Sarif=<file>}): one run, the rules Heed
 * ships (with each check's page as help), and one result per finding. Several compilations (the
 * modules of a build, main and test) share one file: under a file lock, a compilation replaces the
 * results of the files it compiled and keeps the others. Each result is written on one line, so
 * that the merge can read back what Heed wrote without a JSON parser.
 */
final class SarifLog {
  /** One finding: its rule, level, message and location (line and column are 1-based). */
  record Result(
      HeedCheck rule,
      String level,
      String message,
      String file,
      long line,
      long column,
      @Nullable String baselineState,
      String fingerprint) {

    static final Comparator<Result> ORDER =
        comparing(Result::file)
            .thenComparingLong(Result::line)
            .thenComparingLong(Result::column)
            .thenComparing(r -> r.rule().checkName())
            .thenComparing(Result::message);

    static String fingerprint(FindingKey key) {
      return Hashing.sha256().hashString(key.line(), UTF_8).toString();
    }

    String json() {
      return "{\"ruleId\":"
          + quote(rule.checkName())
          + ",\"ruleIndex\":"
          + List.of(HeedCheck.values()).indexOf(rule) // the rules are written in this order
          + ",\"level\":"
          + quote(level)
          + ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":"
          + artifact(file)
          + ",\"region\":{\"startLine\":"
          + line
          + ",\"startColumn\":"
          + column
          + "}}}],\"message\":{\"text\":"
          + quote(message)
          + "},\"partialFingerprints\":{\"heedFinding/v1\":"
          + quote(fingerprint)
          + "}"
          + (baselineState == null ? "" : ",\"baselineState\":" + quote(baselineState))
          + "}";
    }
  }

  private static final String RESULTS = "      \"results\": [";
  private static final String END = "      ]";
  private static final Pattern URI_FIELD = Pattern.compile("\"uri\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private SarifLog() {}

  /**
   * Writes {@code results} to {@code file} under a lock, keeping the results of other files already
   * in it that still exist under {@code root}. Throws if the file is not one Heed wrote.
   */
  static int write(Path file, List<Result> results, Set<String> compiled, Path root)
      throws IOException {
    return LockedFile.rewrite(
        file,
        (old, text) -> {
          List<String> lines = new ArrayList<>();
          String rootUri = root.toUri().toString();
          for (String kept : previous(old, rootUri)) {
            String uri = uriOf(kept);
            String path = decode(uri);
            if (!compiled.contains(path)
                && (path.contains(":") || Files.exists(root.resolve(path)))) {
              lines.add(kept);
            }
          }
          results.stream().sorted(Result.ORDER).map(Result::json).forEach(lines::add);
          text.append(render(rootUri, lines));
          return lines.size();
        });
  }

  /** The result lines of a log Heed wrote with the same root; none for an empty file. */
  private static List<String> previous(String text, String rootUri) throws IOException {
    List<String> results = new ArrayList<>();
    if (text.isBlank()) {
      return results;
    }
    List<String> lines = Splitter.on('\n').splitToList(text);
    int start = lines.indexOf(RESULTS);
    if (start < 0 || !text.contains("\"name\": \"Heed\"")) {
      throw new IOException("it is not a SARIF log written by Heed; delete it or choose another");
    }
    if (!text.contains("\"ROOT\": {\"uri\": " + quote(rootUri) + "}")) {
      throw new IOException(
          "it was written with another -XepOpt:Heed:Root; use one root for a shared log");
    }
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.equals(END)) {
        break;
      }
      String result = line.strip();
      results.add(result.endsWith(",") ? result.substring(0, result.length() - 1) : result);
    }
    return results;
  }

  private static String uriOf(String result) throws IOException {
    Matcher m = URI_FIELD.matcher(result);
    if (!m.find()) {
      throw new IOException("a result without a location: " + result);
    }
    return m.group(1);
  }

  /** The artifact location of {@code file}: relative to ROOT, or an absolute URI. */
  private static String artifact(String file) {
    if (file.startsWith("/")) {
      return "{\"uri\":" + quote(Path.of(file).toUri().toString()) + "}";
    }
    if (file.contains(":")) {
      return "{\"uri\":" + quote(file) + "}";
    }
    try {
      return "{\"uri\":"
          + quote(new URI(null, null, file, null).toASCIIString())
          + ",\"uriBaseId\":\"ROOT\"}";
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(file, e);
    }
  }

  /** The relative path a result's URI names (the inverse of {@link #artifact}). */
  private static String decode(String uri) {
    try {
      URI parsed = new URI(uri.replace("\\/", "/"));
      return parsed.getScheme() == null ? parsed.getPath() : uri;
    } catch (URISyntaxException e) {
      return uri;
    }
  }

  private static String render(String rootUri, List<String> results) {
    StringBuilder out = new StringBuilder();
    out.append("{\n")
        .append(
            "  \"$schema\":"
                + " \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n")
        .append("  \"version\": \"2.1.0\",\n")
        .append("  \"runs\": [\n")
        .append("    {\n")
        .append("      \"tool\": {\n")
        .append("        \"driver\": {\n")
        .append("          \"name\": \"Heed\",\n")
        .append("          \"rules\": [\n");
    HeedCheck[] checks = HeedCheck.values();
    for (int i = 0; i < checks.length; i++) {
      out.append("            ").append(rule(checks[i]));
      out.append(i + 1 < checks.length ? ",\n" : "\n");
    }
    out.append("          ]\n")
        .append("        }\n")
        .append("      },\n")
        .append("      \"originalUriBaseIds\": {\n")
        .append("        \"ROOT\": {\"uri\": ")
        .append(quote(rootUri))
        .append("}\n")
        .append("      },\n")
        .append("      \"columnKind\": \"utf16CodeUnits\",\n")
        .append(RESULTS)
        .append('\n');
    for (int i = 0; i < results.size(); i++) {
      out.append("        ").append(results.get(i));
      out.append(i + 1 < results.size() ? ",\n" : "\n");
    }
    return out.append(END).append("\n    }\n  ]\n}\n").toString();
  }

  /** A rule: the check's summary, the opening of its page, and the page itself as help. */
  private static String rule(HeedCheck check) {
    String page = check.docsText();
    URL url = check.docsUrl();
    String help = page.isEmpty() ? "See " + check.docsLink() + "." : page;
    return "{\"id\":"
        + quote(check.checkName())
        + ",\"name\":"
        + quote(check.checkName())
        + ",\"shortDescription\":{\"text\":"
        + quote(check.summary())
        + "},\"fullDescription\":{\"text\":"
        + quote(opening(page, check.summary()))
        + "},"
        + (url == null ? "" : "\"helpUri\":" + quote(url.toString()) + ",")
        + "\"help\":{\"text\":"
        + quote(help)
        + ",\"markdown\":"
        + quote(help)
        + "},\"defaultConfiguration\":{\"level\":\"error\"}}";
  }

  /** The first paragraph of a page after its title, as plain text, or {@code fallback}. */
  static String opening(String page, String fallback) {
    List<String> paragraphs = Splitter.on("\n\n").trimResults().splitToList(page);
    for (String paragraph : paragraphs) {
      if (!paragraph.isEmpty() && !paragraph.startsWith("#")) {
        return paragraph.replace("**", "").replace("`", "").replaceAll("\\s+", " ");
      }
    }
    return fallback;
  }
}
