package dev.modelcost.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A Maven log that keeps what was logged, each line prefixed with its level: {@code [info] ...}. */
final class RecordingLog implements Log {
    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return lines;
    }

    /** Every line logged at {@code level} ({@code info}, {@code warn}, ...), one text. */
    String at(String level) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("[" + level + "] ")) {
                text.append(line, level.length() + 3, line.length()).append('\n');
            }
        }
        return text.toString();
    }

    private void add(String level, CharSequence content) {
        lines.add("[" + level + "] " + content);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        add("debug", content);
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        add("debug", content);
    }

    @Override
    public void debug(Throwable error) {
        add("debug", error.toString());
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence content) {
        add("info", content);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        add("info", content);
    }

    @Override
    public void info(Throwable error) {
        add("info", error.toString());
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence content) {
        add("warn", content);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        add("warn", content);
    }

    @Override
    public void warn(Throwable error) {
        add("warn", error.toString());
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence content) {
        add("error", content);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        add("error", content);
    }

    @Override
    public void error(Throwable error) {
        add("error", error.toString());
    }
}
