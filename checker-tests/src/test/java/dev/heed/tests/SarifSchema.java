package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a SARIF log against the official SARIF 2.1.0 schema (src/test/resources/sarif/README.md
 * says where it comes from), formats included. Also a command, for .ci/adoption.sh: {@code java
 * dev.heed.tests.SarifSchema <file>...} prints each problem and exits 1 if there is any.
 */
public final class SarifSchema {
  private static final JsonSchema SCHEMA = load();

  private SarifSchema() {}

  private static JsonSchema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException("sarif/sarif-schema-2.1.0.json is not on the classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
          .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema rejects in {@code json}, sorted; empty for a valid SARIF 2.1.0 log. */
  public static List<String> problems(String json) {
    try {
      return SCHEMA.validate(new ObjectMapper().readTree(json)).stream()
          .map(ValidationMessage::getMessage)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  public static void main(String[] args) throws IOException {
    int invalid = 0;
    for (String arg : args) {
      List<String> problems = problems(Files.readString(Path.of(arg), UTF_8));
      System.out.println(arg + ": " + (problems.isEmpty() ? "valid SARIF 2.1.0" : "INVALID"));
      problems.forEach(p -> System.out.println("  " + p));
      invalid += problems.isEmpty() ? 0 : 1;
    }
    System.exit(invalid == 0 ? 0 : 1);
  }
}
