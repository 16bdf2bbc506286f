package dev.heed.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check's name and documentation link come from {@link HeedCheck}, and the page exists. */
class HeedCheckTest {
  private static final List<BugChecker> CHECKS =
      List.of(
          new DiscardedFuture(),
          new DiscardedMustUse(),
          new CloseBeforeFlush(),
          new UnjustifiedDiscard(),
          new MustUseCandidate());

  @Test
  void everyCheckIsOneEntryWithItsErrorProneName() {
    assertEquals(
        CHECKS.stream().map(BugChecker::canonicalName).toList(),
        List.of(HeedCheck.values()).stream().map(HeedCheck::checkName).toList());
  }

  @Test
  void everyDocumentationPageIsAPageOfTheRepositoryAndShipsInTheJar() throws IOException {
    for (HeedCheck check : HeedCheck.values()) {
      Path page = Path.of("..").resolve(check.docsPage());
      assertTrue(Files.isRegularFile(page), check + " links to a missing page: " + page);
      URL shipped = check.docsUrl();
      assertNotNull(shipped, check + ": the page is not among the jar's resources");
      assertTrue(shipped.toString().endsWith("/META-INF/heed/docs/" + check.checkName() + ".md"));
      assertEquals(Files.readString(page, UTF_8), check.docsText());
      assertEquals(check.docsPage() + " in the Heed repository, or " + shipped, check.docsLink());
    }
  }
}
