package dev.modelcost.processor.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed integer expression of block parameters, as written in {@code outExpr = "width * 4"},
 * {@code @When("stride != 1 || in != out")} or {@code with = "width = 64"}: decimal integer literals as Java
 * writes them (ASCII digits, {@code _} between digits, no leading zero), names, unary
 * {@code - !}, {@code * / %}, {@code + -}, comparisons, {@code == !=}, {@code && ||} and parentheses, with Java's
 * precedence and Java's integer division and remainder. Comparisons and logic give 1 or 0. Arithmetic is on
 * {@code long} and overflow-checked.
 *
 * <p>Parsing and evaluation recurse once per level of nesting, so an expression may nest at most {@value
 * #MAX_DEPTH} levels deep (parentheses, unary operators and chained binary operators all count): deeper, it is
 * a syntax error rather than a {@link StackOverflowError} inside javac.
 */
public final class Expression {
    /** The deepest nesting parsed; no block parameter needs a fraction of it. */
    static final int MAX_DEPTH = 100;

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Parses the text; a syntax error is an {@link ExpressionException} saying where. */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.expectEnd();
        return new Expression(text, root);
    }

    /** The value with these names bound; an unknown name or a division by zero is an {@link ExpressionException}. */
    public long evaluate(Map<String, Long> names) {
        return root.evaluate(names);
    }

    /** The names the expression uses, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        root.collectNames(names);
        return names;
    }

    @Override
    public String toString() {
        return text;
    }

    /** What to say of a name that is not among the known ones: a close one if there is, and all of them. */
    static String unknownName(String name, Set<String> known) {
        Set<String> sorted = new TreeSet<>(known);
        return "unknown name '" + name + "'" + DidYouMean.hint(name, sorted) + "; known here: " + (known.isEmpty()
                ? "none (names are a @Block's parameters and in; a network's expressions use numbers only)"
                : String.join(", ", sorted));
    }

    /** Parses a comma-separated list: {@code "3, width"}. */
    public static List<Expression> parseList(String text) {
        List<Expression> list = new ArrayList<>();
        for (String part : splitTopLevel(text, ',')) {
            list.add(parse(part));
        }
        return list;
    }

    /** Splits at separators outside parentheses. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private interface Node {
        long evaluate(Map<String, Long> names);

        /** Nodes from this one down to its deepest leaf: how deep evaluating it recurses. */
        int depth();

        default void collectNames(Set<String> names) {
        }
    }

    private record Literal(long value) implements Node {
        @Override
        public long evaluate(Map<String, Long> names) {
            return value;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    private record Name(String name) implements Node {
        @Override
        public long evaluate(Map<String, Long> names) {
            Long value = names.get(name);
            if (value == null) {
                throw new ExpressionException(unknownName(name, names.keySet()));
            }
            return value;
        }

        @Override
        public int depth() {
            return 1;
        }

        @Override
        public void collectNames(Set<String> names) {
            names.add(name);
        }
    }

    private record Unary(char operator, Node operand) implements Node {
        @Override
        public long evaluate(Map<String, Long> names) {
            long value = operand.evaluate(names);
            if (operator == '!') {
                return value == 0 ? 1 : 0;
            }
            if (value == Long.MIN_VALUE) {
                throw new ExpressionException("overflow in -(" + value + ")");
            }
            return -value;
        }

        @Override
        public int depth() {
            return 1 + operand.depth();
        }

        @Override
        public void collectNames(Set<String> names) {
            operand.collectNames(names);
        }
    }

    private record Binary(String operator, Node left, Node right) implements Node {
        @Override
        public long evaluate(Map<String, Long> names) {
            long a = left.evaluate(names);
            if (operator.equals("&&") && a == 0) {
                return 0;
            }
            if (operator.equals("||") && a != 0) {
                return 1;
            }
            long b = right.evaluate(names);
            try {
                return switch (operator) {
                    case "+" -> Math.addExact(a, b);
                    case "-" -> Math.subtractExact(a, b);
                    case "*" -> Math.multiplyExact(a, b);
                    case "/" -> divide(a, b, "/");
                    case "%" -> a % nonZero(b, "%");
                    case "<" -> a < b ? 1 : 0;
                    case "<=" -> a <= b ? 1 : 0;
                    case ">" -> a > b ? 1 : 0;
                    case ">=" -> a >= b ? 1 : 0;
                    case "==" -> a == b ? 1 : 0;
                    case "!=" -> a != b ? 1 : 0;
                    default -> b != 0 ? 1 : 0; // && and || once the left side did not decide
                };
            } catch (ArithmeticException e) {
                throw new ExpressionException("overflow in " + a + " " + operator + " " + b);
            }
        }

        @Override
        public int depth() {
            return 1 + Math.max(left.depth(), right.depth());
        }

        private static long divide(long a, long b, String operator) {
            if (a == Long.MIN_VALUE && b == -1) {
                throw new ArithmeticException(); // division does not throw on its one overflow
            }
            // Rounded toward zero, as Java's / (and consistent with %, which is Java's remainder).
            return a / nonZero(b, operator);
        }

        private static long nonZero(long b, String operator) {
            if (b == 0) {
                throw new ExpressionException("division by zero (" + operator + " 0)");
            }
            return b;
        }

        @Override
        public void collectNames(Set<String> names) {
            left.collectNames(names);
            right.collectNames(names);
        }
    }

    /** Recursive descent, one method per precedence level, lowest first. */
    private static final class Parser {
        private static final List<List<String>> LEVELS = List.of(
                List.of("||"), List.of("&&"), List.of("==", "!="), List.of("<=", ">=", "<", ">"),
                List.of("+", "-"), List.of("*", "/", "%"));

        private final String text;
        private int at;
        /** Parentheses and unary operators open around the current position: how deep the parser recursed. */
        private int open;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            return level(0);
        }

        private Node level(int level) {
            if (level == LEVELS.size()) {
                return unary();
            }
            Node left = level(level + 1);
            for (String operator = operator(LEVELS.get(level)); operator != null;
                    operator = operator(LEVELS.get(level))) {
                // A chain such as 1 + 1 + ... + 1 nests to the left: as deep as it is long.
                left = shallow(new Binary(operator, left, level(level + 1)));
            }
            return left;
        }

        private Node unary() {
            skipSpaces();
            if (peek() == '-' || peek() == '!') {
                char operator = text.charAt(at++);
                enter();
                Node operand = unary();
                open--;
                return shallow(new Unary(operator, operand));
            }
            return primary();
        }

        private Node primary() {
            skipSpaces();
            char c = peek();
            if (c == '(') {
                at++;
                enter();
                Node inner = expression();
                skipSpaces();
                if (peek() != ')') {
                    throw error("')' expected");
                }
                at++;
                open--;
                return inner;
            }
            if (isDigit(c)) {
                return number();
            }
            int start = at;
            if (c != 0 && Character.isJavaIdentifierStart(c)) {
                while (at < text.length() && Character.isJavaIdentifierPart(peek())) {
                    at++;
                }
                return new Name(text.substring(start, at));
            }
            throw c == 0 ? error("a value expected") : unexpected(c);
        }

        /**
         * A decimal literal as Java writes one: ASCII digits, underscores only between digits, and no leading
         * zero, which Java would read as octal ({@code 011} is nine there, not eleven).
         */
        private Node number() {
            int start = at;
            while (at < text.length() && (isDigit(peek()) || peek() == '_')) {
                at++;
            }
            String written = text.substring(start, at);
            if (written.endsWith("_")) {
                at--;
                throw error("'_' must stand between digits");
            }
            if (written.length() > 1 && written.charAt(0) == '0') {
                at = start;
                String digits = written.replace("_", "").replaceFirst("^0+(?=.)", "");
                throw error("leading zero in " + written + " (Java would read it as octal, which is not supported;"
                        + " write " + digits + ")");
            }
            try {
                return new Literal(Long.parseLong(written.replace("_", "")));
            } catch (NumberFormatException e) {
                throw error("number too large");
            }
        }

        /** Only ASCII digits: {@link Character#isDigit} also accepts Arabic-Indic and other scripts' digits. */
        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Consumes and returns one of the operators if it comes next (not the start of a longer one). */
        private String operator(List<String> operators) {
            skipSpaces();
            for (String operator : operators) {
                if (text.startsWith(operator, at) && !longerOperatorAt(operator)) {
                    at += operator.length();
                    return operator;
                }
            }
            return null;
        }

        private boolean longerOperatorAt(String operator) {
            char next = at + operator.length() < text.length() ? text.charAt(at + operator.length()) : 0;
            return operator.length() == 1 && "<>=!".indexOf(operator.charAt(0)) >= 0 && next == '='
                    || operator.equals("<") && next == '<' || operator.equals(">") && next == '>';
        }

        /** Checked before recursing, so that the parser itself never recurses too deep. */
        private void enter() {
            if (++open > MAX_DEPTH) {
                throw tooDeep();
            }
        }

        private Node shallow(Node node) {
            if (node.depth() > MAX_DEPTH) {
                throw tooDeep();
            }
            return node;
        }

        private ExpressionException tooDeep() {
            return error("nested more than " + MAX_DEPTH + " levels deep");
        }

        void expectEnd() {
            skipSpaces();
            if (at < text.length()) {
                throw unexpected(text.charAt(at));
            }
        }

        private ExpressionException unexpected(char c) {
            return error("unexpected '" + c + "'"
                    + (Character.isDigit(c) && !isDigit(c) ? " (numbers are written with the digits 0 to 9)" : ""));
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private ExpressionException error(String what) {
            return new ExpressionException(what + " at position " + (at + 1) + " of \"" + text + "\"");
        }
    }
}
