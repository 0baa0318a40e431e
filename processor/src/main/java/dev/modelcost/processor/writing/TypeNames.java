package dev.modelcost.processor.writing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a generated source file names the types it uses: by simple name, imported, unless the file needs that
 * simple name for something else (the class itself, a class nested in it, the type its javadoc links to), and
 * then by qualified name. A single-type import shadows a class of the same simple name in the file's package,
 * {@code java.lang}'s types included, so a user's class named {@code String} beside the generated one changes
 * nothing.
 */
final class TypeNames {
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> imports = new TreeSet<>();

    /**
     * @param taken the simple names the file declares or refers to otherwise
     * @param qualifiedNames the canonical names of the types the file uses
     */
    TypeNames(Set<String> taken, List<String> qualifiedNames) {
        for (String qualified : qualifiedNames) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            if (taken.contains(simple) || names.containsValue(simple)) {
                names.put(qualified, qualified);
            } else {
                names.put(qualified, simple);
                imports.add(qualified);
            }
        }
    }

    /** How the source names a type given to the constructor. */
    String of(String qualifiedName) {
        String name = names.get(qualifiedName);
        if (name == null) {
            throw new IllegalArgumentException(qualifiedName + " is not among the types of this file");
        }
        return name;
    }

    /** The types imported, in the order of their names. */
    Set<String> imports() {
        return imports;
    }
}
