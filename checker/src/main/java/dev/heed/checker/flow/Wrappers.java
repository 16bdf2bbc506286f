package dev.heed.checker.flow;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.catalogue.Entry.TypeEntry;
import dev.heed.checker.flow.Buffered.Layer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * What a receiver writes through: a wrapper created over another receiver ({@code new
 * BufferedOutputStream(socket.getOutputStream())} wraps {@code socket}), or a variable that names
 * another ({@code OutputStream raw = socket.getOutputStream()}). Read from the initializers and
 * assignments of the enclosing class, the method's locals and fields alike; a constructor's
 * parameter stored in a field stands for that field ({@code this.socket = s; this.out = new
 * BufferedOutputStream(s.getOutputStream())} wraps {@code this.socket}). A nested {@code new} is a
 * layer of its own, keyed by its tree.
 */
final class Wrappers {
  private static final int MAX_DEPTH = 8;

  /** What a key wraps: {@code created} is null for a variable that names another receiver. */
  record Link(@Nullable Type created, @Nullable Object inner) {}

  private final VisitorState state;
  private final FlowVocabulary vocabulary;
  private final Receivers receivers;
  private final TreePath body;
  private final FlowCache cache;
  private @Nullable Map<Object, Link> links;

  Wrappers(
      VisitorState state,
      FlowVocabulary vocabulary,
      Receivers receivers,
      TreePath body,
      FlowCache cache) {
    this.state = state;
    this.vocabulary = vocabulary;
    this.receivers = receivers;
    this.body = body;
    this.cache = cache;
  }

  /**
   * The chain of what {@code key} writes through, {@code key} first, when a layer of it buffers and
   * something lies beneath that layer; null otherwise.
   */
  @Nullable Buffered chain(Object key) {
    Map<Object, Link> all = links();
    ImmutableList.Builder<Layer> chain = ImmutableList.builder();
    int buffering = -1;
    Set<Object> seen = new HashSet<>();
    Object at = key;
    for (int depth = 0; at != null && depth < MAX_DEPTH && seen.add(at); depth++) {
      Link link = all.get(at);
      Type type = link != null && link.created() != null ? link.created() : declaredType(at);
      TypeEntry entry = type == null ? null : vocabulary.bufferingWrapper(type).orElse(null);
      if (entry != null && buffering < 0) {
        buffering = depth;
      }
      chain.add(new Layer(at, name(at), type == null ? "" : simpleName(type), entry));
      at = link == null ? null : link.inner();
    }
    ImmutableList<Layer> layers = chain.build();
    return buffering < 0 || buffering == layers.size() - 1
        ? null // nothing buffers, or nothing known lies beneath the buffer
        : new Buffered(layers, buffering);
  }

  private Map<Object, Link> links() {
    if (links == null) {
      TreePath path = body;
      while (path != null && !(path.getLeaf() instanceof ClassTree)) {
        path = path.getParentPath();
      }
      links = path == null ? scan(body.getLeaf()) : cache.links(path, this::scan);
    }
    return links;
  }

  /**
   * What wraps what in {@code tree}: a class, read once for all its methods ({@link FlowCache}).
   */
  private Map<Object, Link> scan(Tree tree) {
    Map<Object, Link> found = new HashMap<>();
    new LinkScanner(found).scan(tree, null);
    return found;
  }

  private final class LinkScanner extends TreeScanner<Void, Void> {
    private final Map<Object, Link> out;

    /** In the method being scanned: its parameters stored in fields, as those fields. */
    private Map<Object, Object> stored = Map.of();

    LinkScanner(Map<Object, Link> out) {
      this.out = out;
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      Map<Object, Object> outer = stored;
      Set<Symbol> parameters = new HashSet<>();
      for (VariableTree parameter : method.getParameters()) {
        parameters.add(ASTHelpers.getSymbol(parameter));
      }
      Map<Object, Object> fields = new HashMap<>();
      if (method.getBody() != null && !parameters.isEmpty()) {
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitAssignment(AssignmentTree assignment, Void unused) {
            Object target = receivers.key(assignment.getVariable());
            Symbol value = ASTHelpers.getSymbol(strip(assignment.getExpression()));
            if (target instanceof VarSymbol field
                && field.getKind() == ElementKind.FIELD
                && parameters.contains(value)) {
              fields.putIfAbsent(value, field); // this.socket = socket
            }
            return super.visitAssignment(assignment, null);
          }
        }.scan(method.getBody(), null);
      }
      stored = fields;
      super.visitMethod(method, null);
      stored = outer;
      return null;
    }

    @Override
    public Void visitVariable(VariableTree variable, Void unused) {
      if (variable.getInitializer() != null) {
        record(ASTHelpers.getSymbol(variable), variable.getInitializer());
      }
      return super.visitVariable(variable, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree assignment, Void unused) {
      Object target = receivers.key(assignment.getVariable());
      if (target instanceof VarSymbol) {
        record(target, assignment.getExpression());
      }
      return super.visitAssignment(assignment, null);
    }

    private void record(@Nullable Object target, ExpressionTree value) {
      if (target == null || out.containsKey(target)) {
        return; // the first assignment in view decides
      }
      Link link = link(value);
      if (link != null && !target.equals(link.inner())) {
        out.put(target, link);
      }
    }

    private @Nullable Link link(ExpressionTree value) {
      ExpressionTree tree = strip(value);
      if (tree instanceof NewClassTree created) {
        Type type = ASTHelpers.getType(created);
        if (type == null || created.getArguments().isEmpty() || !vocabulary.isWrapper(type)) {
          return null;
        }
        return new Link(type, inner(created.getArguments().get(0)));
      }
      Object same = receivers.key(tree);
      return same == null ? null : new Link(null, stored.getOrDefault(same, same));
    }

    /** The key of what a wrapper wraps; a nested {@code new} becomes a layer keyed by its tree. */
    private @Nullable Object inner(ExpressionTree argument) {
      ExpressionTree tree = strip(argument);
      if (tree instanceof NewClassTree nested) {
        Link link = link(nested);
        if (link != null) {
          out.put(nested, link);
          return nested;
        }
        return null;
      }
      Object key = receivers.key(tree);
      return key == null ? null : stored.getOrDefault(key, key);
    }
  }

  private static ExpressionTree strip(ExpressionTree tree) {
    ExpressionTree t = tree;
    while (t instanceof ParenthesizedTree || t instanceof TypeCastTree) {
      t = t instanceof ParenthesizedTree p ? p.getExpression() : ((TypeCastTree) t).getExpression();
    }
    return t;
  }

  private static @Nullable Type declaredType(Object key) {
    if (key instanceof VarSymbol variable) {
      return variable.type;
    }
    if (key instanceof Receivers.FieldOf field) {
      return field.field().type;
    }
    return null;
  }

  private String name(Object key) {
    return switch (key) {
      case VarSymbol variable -> variable.getSimpleName().toString();
      case Receivers.FieldOf field -> name(field.owner()) + "." + field.field().getSimpleName();
      case NewClassTree created ->
          "new " + state.getSourceForNode(created.getIdentifier()) + "(...)";
      default -> Receivers.THIS.equals(key) ? "this" : String.valueOf(key);
    };
  }

  private static String simpleName(Type type) {
    return type.tsym.getSimpleName().toString();
  }
}
