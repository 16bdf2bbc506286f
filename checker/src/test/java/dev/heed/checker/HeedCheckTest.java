package dev.heed.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.bugpatterns.BugChecker;
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
          new UnjustifiedDiscard());

  @Test
  void everyCheckIsOneEntryWithItsErrorProneName() {
    assertEquals(
        CHECKS.stream().map(BugChecker::canonicalName).toList(),
        List.of(HeedCheck.values()).stream().map(HeedCheck::checkName).toList());
  }

  @Test
  void everyDocumentationLinkIsAPageOfTheRepository() {
    for (HeedCheck check : HeedCheck.values()) {
      Path page = Path.of("..").resolve(check.docsLink());
      assertTrue(Files.isRegularFile(page), check + " links to a missing page: " + page);
    }
  }
}
