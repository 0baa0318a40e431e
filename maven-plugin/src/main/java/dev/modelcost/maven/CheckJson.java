package dev.modelcost.maven;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.modelcost.cli.diff.Format;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The check as one JSON object for scripts: whether it failed, each comparison with the diff's own JSON
 * ({@code modelcost diff --format json}) under {@code diff}, and the reports and baselines left unpaired.
 */
final class CheckJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CheckJson() {
    }

    static String of(List<Outcome> outcomes, Pairing pairing, int top) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeBooleanField("failed", outcomes.stream().anyMatch(Outcome::failed));
            json.writeArrayFieldStart("comparisons");
            for (Outcome outcome : outcomes) {
                json.writeStartObject();
                json.writeStringField("report", outcome.report().getFileName().toString());
                json.writeStringField("metric", outcome.comparison().metric());
                json.writeNumberField("threshold", outcome.threshold());
                json.writeBooleanField("failed", outcome.failed());
                json.writeFieldName("diff");
                json.writeRawValue(outcome.comparison().render(Format.JSON, top, outcome.threshold()));
                json.writeEndObject();
            }
            json.writeEndArray();
            names(json, "withoutBaseline", pairing.withoutBaseline());
            names(json, "withoutReport", pairing.withoutReport());
            json.writeEndObject();
        }
        return text.append('\n').toString();
    }

    private static void names(JsonGenerator json, String field, List<Path> files) throws IOException {
        json.writeArrayFieldStart(field);
        for (Path file : files) {
            json.writeString(file.getFileName().toString());
        }
        json.writeEndArray();
    }
}
