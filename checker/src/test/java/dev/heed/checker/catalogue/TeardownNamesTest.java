package dev.heed.checker.catalogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Teardowns by any word of a camel-case name, with the built-in teardown words. */
class TeardownNamesTest {
  private static final Catalogue CATALOGUE =
      new Catalogue(HeedOptions.defaults(), new ConfigProblems(HeedOptions.defaults()));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "close",
        "Close",
        "closeAsync",
        "closeQuietly",
        "sendCloseFrame",
        "shutdownGracefully",
        "shutdownOutput",
        "abort",
        "disconnect",
        "deregister",
        "unregisterAsync",
        "destroyNow"
      })
  void aTeardownWordAnywhereInTheName(String name) {
    assertTrue(CATALOGUE.isTeardown(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x",
        "get",
        "closed",
        "isClosed",
        "enclose",
        "closer",
        "CLOSE",
        "closeFuture",
        "shutdownPromise",
        "writeAndFlush"
      })
  void noTeardownWordOrTheFutureOfOne(String name) {
    assertFalse(CATALOGUE.isTeardown(name), name);
  }
}
