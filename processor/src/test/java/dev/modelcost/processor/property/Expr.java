package dev.modelcost.processor.property;

import java.util.Map;

/**
 * An expression as the generator writes it into {@code ...Expr} attributes, {@code @When}, {@code @Param}
 * defaults and {@code @Stage} arguments: a tree that renders itself with only the parentheses Java's precedence
 * needs (so the processor's parser must get precedence right) and evaluates itself independently of the
 * processor's evaluator.
 */
sealed interface Expr {

    /** Thrown for a value the README leaves unspecified or that is an error: division by zero, or by negatives. */
    final class Undefined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undefined() {
            super(null, null, false, false);
        }
    }

    long evaluate(Map<String, Long> names);

    /** Binding strength, as in Java: higher binds tighter. */
    int precedence();

    String render();

    static Expr literal(long value) {
        return new Literal(value);
    }

    static Expr name(String name) {
        return new Name(name);
    }

    static Expr binary(String operator, Expr left, Expr right) {
        return new Binary(operator, left, right);
    }

    static Expr not(Expr operand) {
        return new Not(operand);
    }

    record Literal(long value) implements Expr {
        @Override
        public long evaluate(Map<String, Long> names) {
            return value;
        }

        @Override
        public int precedence() {
            return 9;
        }

        @Override
        public String render() {
            return Long.toString(value);
        }
    }

    record Name(String name) implements Expr {
        @Override
        public long evaluate(Map<String, Long> names) {
            Long value = names.get(name);
            if (value == null) {
                throw new IllegalStateException("generator bug: '" + name + "' is not bound in " + names);
            }
            return value;
        }

        @Override
        public int precedence() {
            return 9;
        }

        @Override
        public String render() {
            return name;
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public long evaluate(Map<String, Long> names) {
            return operand.evaluate(names) == 0 ? 1 : 0;
        }

        @Override
        public int precedence() {
            return 8;
        }

        @Override
        public String render() {
            return "!" + (operand.precedence() < precedence() ? "(" + operand.render() + ")" : operand.render());
        }
    }

    record Binary(String operator, Expr left, Expr right) implements Expr {
        @Override
        public long evaluate(Map<String, Long> names) {
            long a = left.evaluate(names);
            long b = right.evaluate(names);
            return switch (operator) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                // Java's / and % on non-negative operands; what negative ones give is not written down anywhere.
                case "/" -> nonNegative(a, b) / b;
                case "%" -> nonNegative(a, b) % b;
                case "<" -> truth(a < b);
                case "<=" -> truth(a <= b);
                case ">" -> truth(a > b);
                case ">=" -> truth(a >= b);
                case "==" -> truth(a == b);
                case "!=" -> truth(a != b);
                case "&&" -> truth(a != 0 && b != 0);
                case "||" -> truth(a != 0 || b != 0);
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        private static long nonNegative(long a, long b) {
            if (a < 0 || b <= 0) {
                throw new Undefined();
            }
            return a;
        }

        private static long truth(boolean value) {
            return value ? 1 : 0;
        }

        @Override
        public int precedence() {
            return switch (operator) {
                case "||" -> 1;
                case "&&" -> 2;
                case "==", "!=" -> 3;
                case "<", "<=", ">", ">=" -> 4;
                case "+", "-" -> 5;
                default -> 6;
            };
        }

        /** Parentheses only where precedence (or left associativity, on the right) needs them. */
        @Override
        public String render() {
            String l = left.precedence() < precedence() ? "(" + left.render() + ")" : left.render();
            String r = right.precedence() <= precedence() ? "(" + right.render() + ")" : right.render();
            return l + " " + operator + " " + r;
        }
    }
}
