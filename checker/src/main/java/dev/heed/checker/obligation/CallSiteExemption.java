package dev.heed.checker.obligation;

/**
 * A reason why, at one call site, a result the method owes is no loss: the buffer is drained, the
 * queue never refuses, the promise is held. Exemptions see the call's path explicitly and are asked
 * only after the method's verdict; {@link Obligations} lists them in one place.
 */
interface CallSiteExemption {
  /** Whether this exemption can apply to results with {@code verdict}: a cheap first filter. */
  boolean appliesTo(Verdict verdict);

  boolean excuses(CallSite site);
}
