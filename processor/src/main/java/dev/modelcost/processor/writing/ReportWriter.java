package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a network's reports through the {@link Filer} into the class output, as
 * {@code META-INF/modelcost/<qualified class name>.json} (and {@code .md}, {@code .html}), with the network's
 * class as originating element.
 */
public final class ReportWriter {
    /** The folder of the class output that holds the reports. */
    public static final String FOLDER = "META-INF/modelcost/";

    private final Filer filer;

    public ReportWriter(Filer filer) {
        this.filer = filer;
    }

    /** Writes each chosen format; an I/O problem is thrown for the caller to report. */
    public void write(NetworkCost cost, MemoryProfile memory, Set<ReportFormat> formats) throws IOException {
        // The HTML page holds the JSON report as its data: written once for both.
        String json = formats.contains(ReportFormat.JSON) || formats.contains(ReportFormat.HTML)
                ? JsonReport.write(cost, memory) : null;
        for (ReportFormat format : formats) {
            String text = switch (format) {
                case JSON -> json;
                case MD -> MarkdownReport.write(cost, memory);
                case HTML -> HtmlReport.page(json);
            };
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", fileName(cost, format),
                    cost.network().type());
            // UTF-8 whatever javac's -encoding (the platform's by default, ASCII on JDK 17 in a POSIX locale):
            // JSON is UTF-8 by definition, and the HTML page declares it.
            try (OutputStream out = file.openOutputStream()) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** E.g. {@code META-INF/modelcost/dev.modelcost.sample.ResNet50.json}. */
    public static String fileName(NetworkCost cost, ReportFormat format) {
        return FOLDER + cost.network().type().getQualifiedName() + "." + format.extension();
    }
}
