package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A wrapper passes its obligation on to callers in other files of the same compilation. */
class WrappersAcrossFilesTest {
  private static final String EVENTS =
      """
      package acme;
      import java.util.concurrent.BlockingQueue;
      public class Events {
        private final BlockingQueue<String> queue;
        public Events(BlockingQueue<String> queue) { this.queue = queue; }
        public boolean publish(String event) {
          return queue.offer(event);
        }
      }
      """;

  private static final String SERVICE =
      """
      package app;
      import acme.Events;
      class Service {
        void start(Events events) {
          events.publish("started"); // at: dropped
          if (!events.publish("ready")) {
            throw new IllegalStateException("not published");
          }
        }
      }
      """;

  private static ImmutableMultiset<Fixture.Finding> findings(List<JavaFileObject> sources) {
    Compilation compilation = Heed.compile(sources, List.of());
    assertEquals(List.of(), Heed.otherProblems(compilation));
    return Heed.findings(compilation);
  }

  @Test
  void theCallerInAnotherFileIsReportedWhicheverFileComesFirst() {
    JavaFileObject events = JavaFileObjects.forSourceString("acme.Events", EVENTS);
    JavaFileObject service = JavaFileObjects.forSourceString("app.Service", SERVICE);
    ImmutableMultiset<Fixture.Finding> expected =
        ImmutableMultiset.of(
            new Fixture.Finding(Fixture.lineOf(SERVICE, "dropped"), "DiscardedMustUse"));
    assertEquals(expected, findings(List.of(events, service)));
    assertEquals(expected, findings(List.of(service, events)));
  }

  @Test
  void theMessageNamesTheOriginInItsFile() {
    Compilation compilation =
        Heed.compile(
            List.of(
                JavaFileObjects.forSourceString("app.Service", SERVICE),
                JavaFileObjects.forSourceString("acme.Events", EVENTS)),
            List.of());
    assertEquals(
        List.of(
            "[DiscardedMustUse] The boolean returned by Events.publish(String) is discarded:"
                + " publish(String) returns the boolean of BlockingQueue.offer(E) at Events.java:7:"
                + " false means a bounded queue was full and the element was dropped. Check it and"
                + " handle the refusal: retry, block, or count and report the drop, or write"
                + " @AllowDiscard(reason = \"...\") on a declaration around it."),
        Heed.heedDiagnostics(compilation).stream().map(Heed::firstLine).toList());
    assertEquals(
        Fixture.lineOf(SERVICE, "dropped"),
        Heed.heedDiagnostics(compilation).get(0).getLineNumber());
    assertEquals(
        "Service.java",
        Heed.heedDiagnostics(compilation).get(0).getSource().getName().replaceAll(".*/", ""));
  }
}
