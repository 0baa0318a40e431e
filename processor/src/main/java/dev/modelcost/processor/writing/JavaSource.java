package dev.modelcost.processor.writing;

import java.util.Set;

/**
 * The text of a generated Java source file, appended in order: package, imports, then members with their
 * javadoc, four spaces to a level of nesting and a blank line between members. The text is {@linkplain #ascii
 * ASCII}; javadoc cannot end its comment early.
 */
final class JavaSource {
    private static final String INDENT = "    ";

    private final StringBuilder text;
    /** Whether the next member of the class being written is its first: no blank line before it. */
    private boolean firstMember = true;

    /** @param capacity the characters the source is expected to take */
    JavaSource(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** The package declaration (none in the unnamed package) and the imports. */
    JavaSource header(String packageName, Set<String> imports) {
        if (!packageName.isEmpty()) {
            text.append("package ").append(packageName).append(";\n\n");
        }
        for (String type : imports) {
            text.append("import ").append(type).append(";\n");
        }
        if (!imports.isEmpty()) {
            text.append('\n');
        }
        return this;
    }

    /**
     * A javadoc comment at a level of nesting, one comment line per line of {@code doc} (which ends with a line
     * feed). A {@code *}{@code /} in it is written {@code *&#47;}, which javadoc shows as the same two characters.
     */
    JavaSource javadoc(int depth, String doc) {
        indent(depth).append("/**\n");
        int start = 0;
        while (start < doc.length()) {
            int end = doc.indexOf('\n', start);
            if (end < 0) {
                end = doc.length();
            }
            indent(depth).append(end == start ? " *" : " * ");
            text.append(doc.substring(start, end).replace("*/", "*&#47;")).append('\n');
            start = end + 1;
        }
        indent(depth).append(" */\n");
        return this;
    }

    /** Starts a member of the class being written: a blank line after the member before it. */
    JavaSource member() {
        if (!firstMember) {
            text.append('\n');
        }
        firstMember = false;
        return this;
    }

    /** Starts the body of a class: its first member gets no blank line before it. */
    JavaSource openBody() {
        text.append(" {\n");
        firstMember = true;
        return this;
    }

    /** Ends the body of a class at a level of nesting, and the member that the class is. */
    JavaSource closeBody(int depth) {
        indent(depth).append("}\n");
        firstMember = false;
        return this;
    }

    /** Where code goes on, at the end of the text. */
    StringBuilder code() {
        return text;
    }

    /** The indentation of a level of nesting, to be followed by code. */
    StringBuilder indent(int depth) {
        for (int i = 0; i < depth; i++) {
            text.append(INDENT);
        }
        return text;
    }

    /** The text so far, ASCII. */
    String ascii() {
        return ascii(text);
    }

    /**
     * The source with every character beyond ASCII written as a {@linkplain JavaLiterals#appendUnicodeEscape
     * Unicode escape}, which Java reads as that character anywhere in a source file. The Filer writes in javac's
     * {@code -encoding}, by default the platform's: ASCII on JDK 17 in a POSIX locale, where a network named with
     * an accented letter got a question mark in its name instead; UTF-8 from JDK 18 on. An ASCII source is the
     * same bytes, and right, in every encoding.
     */
    static String ascii(CharSequence source) {
        StringBuilder escaped = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x80) {
                if (escaped != null) {
                    escaped.append(c);
                }
                continue;
            }
            if (escaped == null) {
                escaped = new StringBuilder(source.length() + 16).append(source, 0, i);
            }
            // Outside the string literals (ASCII already, see JavaLiterals): in names and javadoc, where no
            // backslash stands before it, so this one always starts the escape.
            JavaLiterals.appendUnicodeEscape(escaped, c);
        }
        return escaped == null ? source.toString() : escaped.toString();
    }
}
