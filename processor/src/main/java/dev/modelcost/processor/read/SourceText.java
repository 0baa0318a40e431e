package dev.modelcost.processor.read;

import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.modelcost.processor.diag.Position;
import javax.annotation.processing.ProcessingEnvironment;

/** The source text of an annotation value, for a message about a value javac could not resolve. */
public final class SourceText {
    private final Trees trees;

    /** Reads sources through javac's tree API when the environment is javac's; else only says "the value". */
    public SourceText(ProcessingEnvironment environment) {
        this.trees = treesOf(environment);
    }

    private static Trees treesOf(ProcessingEnvironment environment) {
        try {
            return Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /** The value as written, e.g. {@code BaselineCost.MACS}, or {@code "the value"} when it cannot be found. */
    public String of(Position position) {
        if (trees != null && position.value() != null) {
            try {
                Tree tree = trees.getTree(position.element(), position.annotation(), position.value());
                if (tree != null) {
                    return tree.toString();
                }
            } catch (RuntimeException e) {
                // The text only adds to the message; without it, the message still says where to look.
            }
        }
        return "the value";
    }
}
