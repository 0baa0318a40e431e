package dev.modelcost.cli.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The comparison as one JSON object, every change listed (largest first); {@code --top} does not shorten it.
 * Its shape is documented in the README's section on the cli.
 */
final class JsonFormat implements DiffFormat {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void print(Diff diff, int top, Verdict verdict, PrintWriter out) {
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("metric", diff.metric());
            json.writeStringField("networkBefore", diff.networkBefore());
            json.writeStringField("networkAfter", diff.networkAfter());
            json.writeStringField("warning", diff.warning());
            json.writeArrayFieldStart("totals");
            for (Change total : diff.totals()) {
                change(json, total, false);
            }
            json.writeEndArray();
            json.writeNumberField("layers", diff.layers());
            json.writeNumberField("layersChanged", diff.changes().size());
            json.writeBooleanField("perLayer", diff.perLayer());
            json.writeArrayFieldStart("changes");
            for (Change change : diff.changes()) {
                change(json, change, true);
            }
            json.writeEndArray();
            json.writeNumberField("stages", diff.stages());
            json.writeArrayFieldStart("stageChanges");
            for (Change stage : diff.stageChanges()) {
                change(json, stage, true);
            }
            json.writeEndArray();
            json.writeFieldName("threshold");
            if (verdict == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeNumberField("percent", verdict.threshold());
                number(json, "growth", verdict.growth());
                json.writeBooleanField("failed", verdict.failed());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void change(JsonGenerator json, Change change, boolean layer) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", change.name());
        if (layer) {
            json.writeStringField("kind", change.kind().name().toLowerCase(Locale.ROOT));
        }
        number(json, "before", change.before());
        number(json, "after", change.after());
        json.writeNumberField("change", change.delta());
        number(json, "percent", change.percent());
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, Long value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
