package dev.heed.checker;

import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import dev.heed.checker.discard.Discards;
import dev.heed.checker.exceptions.ExceptionsReport;
import dev.heed.checker.obligation.Obligations;
import dev.heed.checker.report.Reporter;

/**
 * The shared engine with every flag at its default, for the no-argument constructors that {@code
 * ServiceLoader} requires; Error Prone itself constructs the checks through its injector, which
 * builds one engine per compilation from the flags.
 */
record Engine(
    ConfigProblems problems,
    Obligations obligations,
    Discards discards,
    ExceptionsReport report,
    Reporter reporter) {

  static Engine defaults() {
    HeedOptions options = HeedOptions.defaults();
    ConfigProblems problems = new ConfigProblems(options);
    Obligations obligations = new Obligations(options, new Catalogue(options, problems));
    return new Engine(
        problems,
        obligations,
        new Discards(obligations, options),
        new ExceptionsReport(options, problems),
        new Reporter(options, problems));
  }
}
