package dev.modelcost.processor.writing;

/**
 * Text placed in the page's markup: a layer's name, a network's name or a setting is the user's text and must
 * read as text, never as a tag or an attribute's end, whatever characters it holds.
 */
final class HtmlText {
    private HtmlText() {
    }

    /** Appends {@code text} escaped for an element's content or a double- or single-quoted attribute value. */
    static StringBuilder escape(StringBuilder html, String text) {
        int start = 0; // the characters before the next one to escape are appended at once
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
                continue;
            }
            html.append(text, start, i);
            start = i + 1;
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                default -> html.append("&#39;");
            }
        }
        return html.append(text, start, text.length());
    }

    /** {@code text} escaped, as {@link #escape(StringBuilder, String)}. */
    static String escape(String text) {
        return escape(new StringBuilder(text.length() + 16), text).toString();
    }
}
