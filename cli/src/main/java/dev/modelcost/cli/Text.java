package dev.modelcost.cli;

/** Text from a file, made safe to print on one line of a terminal. */
public final class Text {
    private Text() {
    }

    /**
     * The text with line breaks and other control characters shown as {@code ?}, cut to {@code maxLength}
     * characters and {@code ...}: a report may hold anything, and a name must not start a line of its own.
     */
    public static String oneLine(String text, int maxLength) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), maxLength) + 3);
        for (int i = 0; i < text.length() && line.length() < maxLength; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return line.length() < text.length() ? line.append("...").toString() : line.toString();
    }
}
