package dev.heed.checker.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;

/**
 * A close of a receiver ({@code ch.close()} or {@code ch::close}) that can run while {@code signal}
 * is pending.
 */
public record Race(Tree close, TreePath closePath, Signal signal) {}
