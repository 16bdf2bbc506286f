package dev.heed.checker.discard;

/** Where a must-use value is dropped. */
public enum Site {
  /** {@code f();}, also in block lambdas, switch rules and {@code for} updates. */
  STATEMENT("is discarded"),
  /** {@code exec.execute(() -> f())}: the functional method returns void. */
  VOID_LAMBDA("is discarded by a lambda whose functional interface returns void"),
  /** {@code list.forEach(this::send)}: the functional method returns void. */
  VOID_METHOD_REFERENCE(
      "is discarded by a method reference whose functional interface returns void"),
  /** {@code rows.map(r -> repo.save(r))}: a stage wraps the async value instead of running it. */
  WRAPPED_BY_STAGE("is returned into %s, which wraps it instead of running or awaiting it"),
  /** {@code var _ = f();} */
  UNNAMED_VARIABLE("is discarded into an unnamed variable"),
  /** {@code Future<?> unused = f();} and {@code unused} is never read. */
  UNREAD_LOCAL("is stored in '%s', which is never read");

  private final String verbPhrase;

  Site(String verbPhrase) {
    this.verbPhrase = verbPhrase;
  }

  /** What happens to the value here, such as "is discarded"; {@code local} names the variable. */
  String verbPhrase(String local) {
    return String.format(verbPhrase, local);
  }
}
