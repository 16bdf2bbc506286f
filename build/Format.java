import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Enforces google-java-format on the project's sources. Run by the build from the JDK 21+
 * toolchain: {@code java -cp google-java-format-all-deps.jar build/Format.java check|apply DIR...}.
 */
public final class Format {
  private Format() {}

  public static void main(String[] args) throws IOException {
    boolean apply = args[0].equals("apply");
    if (!apply && !args[0].equals("check")) {
      throw new IllegalArgumentException("heed.format must be check or apply, not " + args[0]);
    }
    Formatter formatter = new Formatter();
    List<Path> unformatted = new ArrayList<>();
    int files = 0;
    for (int i = 1; i < args.length; i++) {
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path source : sources) {
        files++;
        String original = Files.readString(source, StandardCharsets.UTF_8);
        String formatted;
        try {
          formatted = formatter.formatSourceAndFixImports(original);
        } catch (FormatterException e) {
          System.err.println(source + ": " + e.getMessage());
          System.exit(1);
          return;
        }
        if (!formatted.equals(original)) {
          unformatted.add(source);
          if (apply) {
            Files.writeString(source, formatted, StandardCharsets.UTF_8);
          }
        }
      }
    }
    if (apply) {
      System.out.println("google-java-format: rewrote " + unformatted.size() + " of " + files);
    } else if (!unformatted.isEmpty()) {
      System.err.println("google-java-format: these files are not formatted:");
      unformatted.forEach(p -> System.err.println("  " + p));
      System.err.println("Run: mvn -N validate -Dheed.format=apply");
      System.exit(1);
    } else {
      System.out.println("google-java-format: " + files + " files formatted");
    }
  }
}
