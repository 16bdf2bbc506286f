package dev.heed.checker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.io.Resources;
import dev.heed.checker.catalogue.Entry.FieldEntry;
import dev.heed.checker.catalogue.Entry.MethodEntry;
import dev.heed.checker.catalogue.Entry.NameEntry;
import dev.heed.checker.catalogue.Entry.NamePattern;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model-file format, parsed without javac: one test per shape and per kind of mistake. */
class CatalogueParserTest {

  private static CatalogueParser.Parsed parse(String... lines) {
    return CatalogueParser.parse(String.join("\n", lines), "m.txt");
  }

  private static Entry only(String line) {
    CatalogueParser.Parsed parsed = parse(line);
    assertEquals(List.of(), parsed.problems());
    assertEquals(1, parsed.entries().size());
    return parsed.entries().get(0);
  }

  private static String problem(String line) {
    CatalogueParser.Parsed parsed = parse("# a comment", "", line);
    assertEquals(List.of(), parsed.entries());
    assertEquals(1, parsed.problems().size());
    return parsed.problems().get(0);
  }

  @Test
  void aMethodEntryHasItsOwnerNameErasedParametersAndComment() {
    assertEquals(
        new MethodEntry(
            Category.REFUSED,
            "com.acme.Bus",
            "tryPublish",
            ImmutableList.of("java.lang.String", "long", "byte[]"),
            false,
            "false means the event was dropped"),
        only(
            "refused com.acme.Bus.tryPublish(java.lang.String, long, byte[]) -- false means the"
                + " event was dropped"));
  }

  @Test
  void trailingEllipsisMatchesFurtherParametersAndAloneEveryOverload() {
    MethodEntry some = (MethodEntry) only("timed-out com.acme.Gate.pass(long, ...) -- late");
    assertEquals(ImmutableList.of("long"), some.parameters());
    assertTrue(some.anyTrailing());
    MethodEntry every = (MethodEntry) only("returns-receiver com.acme.F.then(...) -- this");
    assertEquals(ImmutableList.of(), every.parameters());
    assertTrue(every.anyTrailing());
  }

  @Test
  void aReceiverFactMayNameItsMethodsAndAnUnsizedCreation() {
    TypeEntry all = (TypeEntry) only("never-refuses com.acme.SpoolBus -- spools to disk");
    assertEquals(ImmutableList.of(), all.methods());
    assertTrue(all.covers("tryPublish"));
    TypeEntry offers =
        (TypeEntry) only("never-refuses java.util.concurrent.LinkedBlockingQueue() offer* -- x");
    assertTrue(offers.unsized());
    assertTrue(offers.covers("offerLast"));
    assertFalse(offers.covers("tryTransfer"));
    TypeEntry named = (TypeEntry) only("writes-fully com.acme.FilePipe push, pushAll -- blocking");
    assertEquals(
        ImmutableList.of(new NamePattern("push", false), new NamePattern("pushAll", false)),
        named.methods());
  }

  @Test
  void typesNamesAndFields() {
    assertEquals(
        new TypeEntry(Category.LAZY_TYPE, "com.acme.Recipe", false, ImmutableList.of(), "cold"),
        only("lazy-type com.acme.Recipe -- cold"));
    assertEquals(
        new NameEntry(Category.WRITES, new NamePattern("put", true), "puts"),
        only("writes put* -- puts"));
    assertEquals(
        new FieldEntry(Category.CLOSING_LISTENER, "com.acme.Listeners", "RETIRE", "retires"),
        only("closing-listener com.acme.Listeners.RETIRE -- retires"));
  }

  @Test
  void wrappersAreTypesAndBufferingWrappersNameWhatPushesTheirBytesOn() {
    assertEquals(
        new TypeEntry(
            Category.WRAPPER, "java.io.FilterOutputStream", false, ImmutableList.of(), "passes on"),
        only("wrapper java.io.FilterOutputStream -- passes on"));
    TypeEntry deflater =
        (TypeEntry)
            only("buffering-wrapper java.util.zip.DeflaterOutputStream finish -- trailer last");
    assertEquals(Category.BUFFERING_WRAPPER, deflater.category());
    assertEquals(ImmutableList.of(new NamePattern("finish", false)), deflater.methods());
    assertTrue(
        problem("buffering-wrapper com.acme.Spool() flush -- x")
            .startsWith("m.txt:3: expected 'buffering-wrapper <pkg.Type>[()] [<method>[*], ...]"));
    assertTrue(
        problem("wrapper com.acme.Spool flush -- x")
            .startsWith("m.txt:3: expected 'wrapper <pkg.Type> -- <comment>'"));
  }

  @Test
  void aNamePatternMatchesExactlyOrByPrefix() {
    assertTrue(NamePattern.parse("flush").matches("flush"));
    assertFalse(NamePattern.parse("flush").matches("flushAll"));
    assertTrue(NamePattern.parse("flush*").matches("flushAll"));
    assertFalse(NamePattern.parse("flush*").matches("reflush"));
  }

  @Test
  void eachMistakeIsOneProblemNamingTheFileAndLine() {
    assertEquals(
        "m.txt:3: expected '<category> <pkg.Type>.<method>(<erased parameter types>) -- <what is"
            + " lost>' or 'never-refuses <pkg.Type> -- <why>', got 'refused"
            + " com.acme.Bus.tryPublish()'",
        problem("refused com.acme.Bus.tryPublish()"));
    assertEquals(
        "m.txt:3: '...' may only end the parameter list, got 'refused com.acme.Bus.p(..., int) --"
            + " x'",
        problem("refused com.acme.Bus.p(..., int) -- x"));
    assertEquals(
        "m.txt:3: 'List<String>' is not an erased, fully qualified parameter type, got 'refused"
            + " com.acme.Bus.p(List<String>) -- x'",
        problem("refused com.acme.Bus.p(List<String>) -- x"));
    assertEquals(
        "m.txt:3: expected 'writes-fully <pkg.Type>[()] [<method>[*], ...] -- <comment>', got"
            + " 'writes-fully com.acme.Pipe() -- sized pipes do not exist'",
        problem("writes-fully com.acme.Pipe() -- sized pipes do not exist"));
    assertEquals(
        "m.txt:3: expected 'writes <name> or <prefix>* -- <comment>', got 'writes a.b -- x'",
        problem("writes a.b -- x"));
    assertTrue(
        problem("lost com.acme.Bus.p() -- x").startsWith("m.txt:3: unknown category 'lost'"));
  }

  @Test
  void theBuiltInFilesParseWithoutProblemsAndCoverEveryCategory() throws IOException {
    List<Entry> entries = new java.util.ArrayList<>();
    for (String file : List.of("models.txt", "vocabulary.txt")) {
      CatalogueParser.Parsed parsed =
          CatalogueParser.parse(
              Resources.toString(
                  Resources.getResource(Catalogue.class, file), StandardCharsets.UTF_8),
              file);
      assertEquals(List.of(), parsed.problems(), file);
      entries.addAll(parsed.entries());
    }
    for (Category category : Category.values()) {
      if (category != Category.MUST_USE) { // for user models: nothing built in needs it
        assertTrue(
            entries.stream().anyMatch(e -> e.category() == category),
            "no built-in entry of " + category.keyword());
      }
    }
  }
}
