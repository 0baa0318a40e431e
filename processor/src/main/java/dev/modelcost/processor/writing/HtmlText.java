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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html;
    }

    /** {@code text} escaped, as {@link #escape(StringBuilder, String)}. */
    static String escape(String text) {
        return escape(new StringBuilder(text.length() + 16), text).toString();
    }
}
