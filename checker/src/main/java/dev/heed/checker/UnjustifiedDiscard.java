package dev.heed.checker;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableSet.toImmutableSet;
import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.discard.Discards;
import dev.heed.checker.exceptions.ExceptionsReport;
import dev.heed.checker.exceptions.ExcuseIndex;
import dev.heed.checker.exceptions.ReviewedExceptions;
import dev.heed.checker.obligation.Obligations;
import dev.heed.checker.report.Reporter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;

/**
 * Reviewed exceptions must say why, and must still excuse something: reports an
 * {@code @AllowDiscard} with a blank reason or that excuses nothing (stale, like Rust's {@code
 * #[expect]} and {@code unfulfilled_lint_expectations}), and a {@code @SuppressWarnings} that names
 * a Heed check, which does not silence Heed.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A reviewed exception without a reason, one that excuses nothing, or a @SuppressWarnings"
            + " for Heed",
    severity = ERROR,
    linkType = NONE, // HeedCheck links each finding to its page
    suppressionAnnotations = {})
public final class UnjustifiedDiscard extends BugChecker
    implements ClassTreeMatcher, MethodTreeMatcher, VariableTreeMatcher {

  private static final HeedCheck CHECK = HeedCheck.UNJUSTIFIED_DISCARD;

  /** The checks whose names a {@code @SuppressWarnings} must not carry. */
  private static final ImmutableSet<String> HEED_CHECKS =
      Arrays.stream(HeedCheck.values()).map(HeedCheck::checkName).collect(toImmutableSet());

  private final ExcuseIndex excuses;
  private final ConfigProblems problems;
  private final ExceptionsReport report;
  private final Reporter reporter;

  /** Required by {@code ServiceLoader}; Error Prone constructs checks through the injector. */
  public UnjustifiedDiscard() {
    this(Engine.defaults());
  }

  private UnjustifiedDiscard(Engine engine) {
    this(
        engine.discards(),
        engine.obligations(),
        engine.problems(),
        engine.report(),
        engine.reporter());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public UnjustifiedDiscard(
      Discards discards,
      Obligations obligations,
      ConfigProblems problems,
      ExceptionsReport report,
      Reporter reporter) {
    // What each check finds, composed in this one place.
    this.excuses =
        new ExcuseIndex(
            ImmutableList.of(
                DiscardCheck.findingSource(discards),
                CloseBeforeFlush.findingSource(obligations),
                MustUseCandidate.findingSource(obligations)));
    this.problems = problems;
    this.report = report;
    this.reporter = reporter;
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return check(tree, tree.getModifiers(), state);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return check(tree, tree.getModifiers(), state);
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return check(tree, tree.getModifiers(), state);
  }

  private Description check(Tree declaration, ModifiersTree modifiers, VisitorState state) {
    if (!problems.none(state)) {
      return Description.NO_MATCH;
    }
    reporter.seen(state);
    if (modifiers.getAnnotations().isEmpty()) {
      return Description.NO_MATCH; // most declarations: nothing to read
    }
    TreePath modifiersPath = new TreePath(state.getPath(), modifiers);
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      TreePath at = new TreePath(modifiersPath, annotation);
      String name = ReviewedExceptions.simpleName(annotation);
      if (name.equals(ReviewedExceptions.ALLOW_DISCARD)) {
        Description d = checkAllowDiscard(annotation, describe(declaration), state);
        if (d != Description.NO_MATCH) {
          reporter.report(CHECK.checkName(), at, d, state);
        }
      } else if (name.equals("SuppressWarnings")) {
        Description d = checkSuppressWarnings(declaration, annotation);
        if (d != Description.NO_MATCH) {
          reporter.report(CHECK.checkName(), at, d, state);
        }
      }
    }
    return Description.NO_MATCH;
  }

  /** The declaration as a message names it: "class C", "method m()", "'local'", ... */
  private static String describe(Tree declaration) {
    return switch (declaration) {
      case ClassTree type -> "class " + type.getSimpleName();
      case MethodTree method ->
          ASTHelpers.getSymbol(method).isConstructor()
              ? "constructor"
              : "method " + method.getName() + "()";
      case VariableTree variable -> {
        String name = variable.getName().toString();
        yield name.isEmpty() || name.equals("_") ? "unnamed variable" : "'" + name + "'";
      }
      default -> declaration.getKind().toString();
    };
  }

  private Description checkAllowDiscard(
      AnnotationTree annotation, String what, VisitorState state) {
    String reason = ReviewedExceptions.reason(annotation);
    ImmutableMultiset<String> excused = excuses.excusedBy(state.getPath().getLeaf(), state);
    if (report.enabled()) {
      String file = state.getPath().getCompilationUnit().getSourceFile().toUri().getPath();
      long line =
          state
              .getPath()
              .getCompilationUnit()
              .getLineMap()
              .getLineNumber(ASTHelpers.getStartPosition(annotation));
      if (excused.isEmpty()) {
        report.record(file, line, null, 0, reason, state);
      }
      for (String check : excused.elementSet()) {
        report.record(file, line, check, excused.count(check), reason, state);
      }
    }
    boolean blank = reason.isBlank();
    if (excused.isEmpty()) {
      return CHECK
          .linked(buildDescription(annotation))
          .setMessage(
              "This @AllowDiscard excuses nothing: no must-use value is dropped inside the "
                  + what
                  + (blank ? " (and its reason is blank)" : "")
                  + ". A stale exception hides the next real drop here; remove it.")
          .addFix(SuggestedFix.delete(annotation))
          .build();
    }
    if (blank) {
      return CHECK
          .linked(buildDescription(annotation))
          .setMessage(
              "This @AllowDiscard has a blank reason. Say why dropping the value is safe here:"
                  + " reviewers read it, and it is the only record of the decision. (It still"
                  + " excuses the drop, which is not reported twice.)")
          .build();
    }
    return Description.NO_MATCH;
  }

  private Description checkSuppressWarnings(Tree declaration, AnnotationTree annotation) {
    ImmutableList<ExpressionTree> values = values(annotation);
    ImmutableList<String> names =
        values.stream()
            .map(v -> ASTHelpers.constValue(v, String.class))
            .filter(Objects::nonNull)
            .collect(toImmutableList());
    ImmutableList<String> heed =
        names.stream().filter(HEED_CHECKS::contains).collect(toImmutableList());
    if (heed.isEmpty()) {
      return Description.NO_MATCH;
    }
    List<String> others = names.stream().filter(n -> !HEED_CHECKS.contains(n)).toList();
    StringBuilder replacement = new StringBuilder();
    if (!others.isEmpty()) {
      replacement
          .append(others.size() == 1 ? "@SuppressWarnings(" : "@SuppressWarnings({")
          .append(String.join(", ", others.stream().map(ExceptionsReport::quote).toList()))
          .append(others.size() == 1 ? ")" : "})");
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    if (ReviewedExceptions.allowDiscard(declaration).isEmpty()) {
      replacement
          .append(replacement.length() == 0 ? "" : " ")
          .append("@AllowDiscard(reason = \"\")");
      fix.addImport("dev.heed.annotations.AllowDiscard");
    }
    fix.replace(annotation, replacement.toString());
    return CHECK
        .linked(buildDescription(annotation))
        .setMessage(
            "@SuppressWarnings does not silence Heed's "
                + String.join(", ", heed)
                + ": every exception must say why. Write @AllowDiscard(reason = \"...\") on this"
                + " declaration instead.")
        .addFix(fix.build())
        .build();
  }

  /**
   * The strings of {@code @SuppressWarnings("a")}, {@code ({"a", "b"})} or {@code (value = ...)}.
   */
  private static ImmutableList<ExpressionTree> values(AnnotationTree annotation) {
    ImmutableList.Builder<ExpressionTree> values = ImmutableList.builder();
    for (ExpressionTree argument : annotation.getArguments()) {
      ExpressionTree value =
          argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument;
      if (value instanceof NewArrayTree array && array.getInitializers() != null) {
        values.addAll(array.getInitializers());
      } else {
        values.add(value);
      }
    }
    return values.build();
  }
}
