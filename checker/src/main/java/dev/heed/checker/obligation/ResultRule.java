package dev.heed.checker.obligation;

import java.util.Optional;

/**
 * One rule of the chain that decides what a method's result owes. Rules run in the order {@link
 * MethodVerdicts} lists them and the first verdict wins; {@link Verdict#NONE} is a verdict too (the
 * result owes nothing, and later rules are not asked). A rule sees only the method, never a call
 * site: what depends on the call is a {@link CallSiteExemption}.
 */
interface ResultRule {
  Optional<Verdict> evaluate(MethodFacts method);
}
