package dev.modelcost.cli.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.modelcost.Reports;
import dev.modelcost.cli.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One pass over one report's tokens, keeping what the figure's comparison needs. Whether the file is a report
 * of the version read at all is decided at the end, whatever the order of its keys, and before any problem
 * with its values is reported: a file of another version is said to be one, not to have a wrong field.
 */
final class ReportParse {
    private static final int QUOTE_LENGTH = 60;
    private static final int NAMES_LISTED = 20;

    private final Path file;
    private final JsonParser parser;
    private final String metric;

    private Scalar schema;
    private Scalar version;
    private Scalar network;
    private boolean hasTotals;
    private final Set<String> totalNames = new LinkedHashSet<>();
    private boolean hasTotal;
    private Long total;
    private final Map<String, Long> otherTotals = new LinkedHashMap<>();
    private boolean hasLayers;
    private final Set<String> layerNames = new LinkedHashSet<>();
    private final Map<String, Long> layerValues = new LinkedHashMap<>();
    private String firstProblem;

    ReportParse(Path file, JsonParser parser, String metric) {
        this.file = file;
        this.parser = parser;
        this.metric = metric;
    }

    Report report() throws IOException, BadReportException {
        JsonToken root = parser.nextToken();
        if (root == null) {
            throw bad("holds no JSON value, so not a report");
        }
        if (root != JsonToken.START_OBJECT) {
            throw bad("not a modelcost report: the document is " + kind(root) + ", not an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case Reports.SCHEMA -> schema = scalar(value);
                case Reports.VERSION -> version = scalar(value);
                case Reports.NETWORK -> network = scalar(value);
                case Reports.TOTALS -> totals(value);
                case Reports.LAYERS -> layers(value);
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw bad("more text after the report's closing brace (line " + parser.currentLocation().getLineNr()
                    + ")");
        }
        return checked();
    }

    private Report checked() throws BadReportException {
        if (schema == null || !schema.is(JsonToken.VALUE_STRING, Reports.SCHEMA_NAME)) {
            throw bad("not a modelcost report: its \"schema\" is " + describe(schema) + ", not \""
                    + Reports.SCHEMA_NAME + "\"");
        }
        String versionRead = String.valueOf(Reports.SCHEMA_VERSION);
        if (version == null || !version.is(JsonToken.VALUE_NUMBER_INT, versionRead)) {
            throw bad("a report of version " + describe(version) + "; this tool reads version " + versionRead
                    + " only");
        }
        if (network == null || network.token() != JsonToken.VALUE_STRING) {
            throw bad("its \"network\" is " + describe(network) + ", not a name");
        }
        if (!hasTotals) {
            throw bad("a report without \"totals\"");
        }
        if (!hasLayers) {
            throw bad("a report without \"layers\"");
        }
        if (firstProblem != null) {
            throw bad(firstProblem);
        }
        if (!hasTotal) {
            throw bad("no total '" + quote(metric) + "' in the report; its totals are: " + listed(totalNames));
        }
        if (total == null) {
            throw bad("its total '" + metric + "' is null: the report has no such figure (a latency needs a device)");
        }
        return new Report(network.text(), metric, total, layerValues, otherTotals, Collections.unmodifiableSet(layerNames));
    }

    private void totals(JsonToken token) throws IOException {
        hasTotals = true;
        if (!expect(token, JsonToken.START_OBJECT, "\"totals\"")) {
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            totalNames.add(name);
            if (name.equals(metric)) {
                hasTotal = true;
                total = count(value, "totals." + name);
            } else {
                otherTotal(name, value);
            }
        }
    }

    /** A total other than the one compared, kept when it is a count; anything else is skipped, not a problem. */
    private void otherTotal(String name, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                && parser.getLongValue() >= 0) {
            otherTotals.put(name, parser.getLongValue());
        } else {
            parser.skipChildren();
        }
    }

    private void layers(JsonToken token) throws IOException {
        hasLayers = true;
        if (!expect(token, JsonToken.START_ARRAY, "\"layers\"")) {
            return;
        }
        int index = 0;
        for (JsonToken layer = parser.nextToken(); layer != null && layer != JsonToken.END_ARRAY;
                layer = parser.nextToken()) {
            layer(layer, "layers[" + index++ + "]");
        }
    }

    private void layer(JsonToken token, String where) throws IOException {
        if (!expect(token, JsonToken.START_OBJECT, where)) {
            return;
        }
        String name = null;
        Long value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken field = parser.nextToken();
            if (key.equals(Reports.LAYER_NAME) && field == JsonToken.VALUE_STRING) {
                name = parser.getText();
            } else if (key.equals(metric)) {
                value = count(field, where + "." + key);
            } else {
                parser.skipChildren();
            }
        }
        if (name == null) {
            problem(where + " has no \"name\" string");
        } else if (!layerNames.add(name)) {
            problem("two layers are named '" + quote(name) + "'");
        } else if (value != null) {
            layerValues.put(name, value);
        }
    }

    /** A count: a whole number from 0 to {@link Long#MAX_VALUE}; null for JSON's null or a problem. */
    private Long count(JsonToken token, String where) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    problem(where + " is " + quote(parser.getText()) + ", beyond the range of a count");
                    return null;
                }
                long value = parser.getLongValue();
                if (value < 0) {
                    problem(where + " is " + value + ", a negative count");
                    return null;
                }
                return value;
            case VALUE_NUMBER_FLOAT:
                // Never converted: 1e999999999 would take minutes to expand.
                problem(where + " is " + quote(parser.getText()) + ", not a whole number");
                return null;
            default:
                problem(where + " is " + kind(token) + ", not a number");
                parser.skipChildren();
                return null;
        }
    }

    private Scalar scalar(JsonToken token) throws IOException {
        boolean text = token == JsonToken.VALUE_STRING || token.isNumeric();
        Scalar scalar = new Scalar(token, text ? parser.getText() : null);
        parser.skipChildren();
        return scalar;
    }

    /** Whether the value is an object or array as expected; if not, the problem is noted and the value skipped. */
    private boolean expect(JsonToken token, JsonToken expected, String what) throws IOException {
        if (token == expected) {
            return true;
        }
        problem(what + " is " + kind(token) + ", not " + kind(expected));
        parser.skipChildren();
        return false;
    }

    private void problem(String what) {
        if (firstProblem == null) {
            firstProblem = what;
        }
    }

    private BadReportException bad(String problem) {
        return new BadReportException(file, problem);
    }

    private static String describe(Scalar scalar) {
        if (scalar == null) {
            return "missing";
        }
        return switch (scalar.token()) {
            case VALUE_STRING -> "\"" + quote(scalar.text()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> quote(scalar.text());
            default -> kind(scalar.token());
        };
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String quote(String text) {
        return Text.oneLine(text, QUOTE_LENGTH);
    }

    private static String listed(Set<String> names) {
        StringBuilder list = new StringBuilder();
        int listed = 0;
        for (String name : names) {
            if (listed == NAMES_LISTED) {
                return list.append(", ... (").append(names.size()).append(" in all)").toString();
            }
            list.append(listed++ == 0 ? "" : ", ").append(quote(name));
        }
        return listed == 0 ? "none" : list.toString();
    }

    /** A value at the top of the report: its token, and its text when it is a string or a number. */
    private record Scalar(JsonToken token, String text) {
        boolean is(JsonToken expected, String expectedText) {
            return token == expected && expectedText.equals(text);
        }
    }
}
