package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The exact words of each diagnostic: what was dropped, what is lost, the fix. */
class MessagesTest {

  private static final String EXCEPTION =
      " or write @AllowDiscard(reason = \"...\") on a declaration around it.";

  @Test
  void eachSiteAndKindSaysWhatIsLostAndHowToFixIt() {
    String text =
        """
        import dev.heed.annotations.MustUse;
        import java.util.List;
        import java.util.concurrent.CompletableFuture;
        import java.util.concurrent.Flow;
        import java.util.concurrent.SubmissionPublisher;
        class Messages {
          @MustUse("if it is PENDING, buffered bytes are not yet written, and closing now \
        truncates the response")
          enum Poll { READY, PENDING }
          @MustUse interface Obligation {}
          static final class Lease implements Obligation {}
          CompletableFuture<Void> send(String m) { return null; }
          Flow.Publisher<String> publisher() { return new SubmissionPublisher<>(); }
          Poll pollFlush() { return Poll.READY; }
          @MustUse int flush() { return 0; }
          void f(List<String> messages) {
            send("a"); // at: send
            publisher(); // at: publisher
            pollFlush(); // at: poll
            flush(); // at: flush
            new Lease(); // at: lease
            Runnable r = () -> send("b"); // at: lambda
            messages.forEach(this::send); // at: reference
            var _ = pollFlush(); // at: unnamed
            CompletableFuture<Void> unused = send("c"); // at: unread
          }
        }
        """;
    JavaFileObject source = JavaFileObjects.forSourceString("Messages", text);
    Compilation compilation = Heed.compile(List.of(source), List.of());
    Map<Long, String> messages = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : Heed.heedDiagnostics(compilation)) {
      messages.put(d.getLineNumber(), Heed.firstLine(d));
    }
    String future =
        ": if it fails, nobody sees the exception. Wait for it (get, join), chain on it,"
            + " return it,";
    String poll =
        ": if it is PENDING, buffered bytes are not yet written, and closing now truncates"
            + " the response. Check it, return it,";
    assertEquals(
        Map.of(
            Fixture.lineOf(text, "send"),
            "[DiscardedFuture] The CompletableFuture returned by send(String) is discarded"
                + future
                + EXCEPTION,
            Fixture.lineOf(text, "publisher"),
            "[DiscardedFuture] The Publisher returned by publisher() is discarded: nothing"
                + " subscribes to it, so the work it describes never runs and its errors are never"
                + " seen. Subscribe to it, compose it into the chain, return it,"
                + EXCEPTION,
            Fixture.lineOf(text, "poll"),
            "[DiscardedMustUse] The Poll returned by pollFlush() is discarded" + poll + EXCEPTION,
            Fixture.lineOf(text, "flush"),
            "[DiscardedMustUse] The int returned by flush() is discarded, but flush() is marked"
                + " @MustUse: the result carries an obligation. Check it, return it,"
                + EXCEPTION,
            Fixture.lineOf(text, "lease"),
            "[DiscardedMustUse] The Lease created by new Lease() is discarded, but Obligation is"
                + " marked @MustUse: the result carries an obligation. Check it, return it,"
                + EXCEPTION,
            Fixture.lineOf(text, "lambda"),
            "[DiscardedFuture] The CompletableFuture returned by send(String) is discarded by a"
                + " lambda whose functional interface returns void"
                + future
                + EXCEPTION,
            Fixture.lineOf(text, "reference"),
            "[DiscardedFuture] The CompletableFuture returned by send(String) is discarded by a"
                + " method reference whose functional interface returns void"
                + future
                + EXCEPTION,
            Fixture.lineOf(text, "unnamed"),
            "[DiscardedMustUse] The Poll returned by pollFlush() is discarded into an unnamed"
                + " variable"
                + poll
                + EXCEPTION,
            Fixture.lineOf(text, "unread"),
            "[DiscardedFuture] The CompletableFuture returned by send(String) is stored in"
                + " 'unused', which is never read"
                + future
                + EXCEPTION),
        messages);
  }

  @Test
  void findingsAreWarningsByDefaultAndFollowSeverityFlags() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "Severity",
            """
            class Severity {
              @dev.heed.annotations.MustUse int flush() { return 0; }
              void f() {
                java.util.concurrent.CompletableFuture.runAsync(() -> {});
                flush();
              }
            }
            """);
    // Both checks measured under 90% wanted on the held-out half: warnings (docs/evaluation.md).
    assertEquals(
        List.of(Diagnostic.Kind.WARNING, Diagnostic.Kind.WARNING),
        kinds(Heed.compile(List.of(source), List.of())));
    assertEquals(
        List.of(Diagnostic.Kind.ERROR, Diagnostic.Kind.ERROR),
        kinds(
            Heed.compile(
                List.of(source),
                List.of("-Xep:DiscardedFuture:ERROR", "-Xep:DiscardedMustUse:ERROR"))));
    assertEquals(
        List.of(Diagnostic.Kind.ERROR),
        kinds(
            Heed.compile(
                List.of(source),
                List.of("-Xep:DiscardedFuture:OFF", "-Xep:DiscardedMustUse:ERROR"))));
  }

  private static List<Diagnostic.Kind> kinds(Compilation compilation) {
    return Heed.heedDiagnostics(compilation).stream().map(Diagnostic::getKind).toList();
  }
}
