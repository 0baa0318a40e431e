package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.NetworkDecl;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes what a network gets through the {@link Filer}: its cost class, its reports and, when asked, its
 * summary as a note. A file the Filer refuses is a finding whose advice fits the cause.
 */
public final class NetworkWriter {
    private static final String COST_CLASS_CLASH = "give @Network a costClass that no other class in the package uses";
    private static final String SOURCE_FOLDER = "check that the generated sources folder (javac -s) is a writable "
            + "folder that has no folder of this name";
    private static final String REPORT_FOLDER = "check that the class output folder (javac -d) is a writable folder "
            + "that has no folder of this name, or pass -Amodelcost.reports=none";

    private final Filer filer;
    private final Messager messager;
    private final CostClassWriter costClasses;
    private final Set<ReportFormat> reportFormats;
    private final boolean verbose;
    private final int depth;

    /**
     * @param reportFormats the reports to write
     * @param verbose whether to print each network's summary as a note
     * @param depth how deep the Markdown report's and the note's table by stage goes; 0 for none
     */
    public NetworkWriter(ProcessingEnvironment environment, Set<ReportFormat> reportFormats, boolean verbose,
            int depth) {
        this.filer = environment.getFiler();
        this.messager = environment.getMessager();
        this.costClasses = new CostClassWriter(new GeneratedAnnotation(environment.getElementUtils()));
        this.reportFormats = Set.copyOf(reportFormats);
        this.verbose = verbose;
        this.depth = depth;
    }

    /** Writes the cost class, then the reports; what cannot be written goes to {@code findings}. */
    public void write(NetworkCost cost, MemoryProfile memory, Findings findings) {
        NetworkDecl network = cost.network();
        CostClassWriter.SourceFile file = costClasses.write(cost, memory);
        String qualifiedName = file.qualifiedName();
        try {
            writeSource(qualifiedName, file.text(), network);
        } catch (IOException | IllegalArgumentException | UncheckedIOException | SecurityException e) {
            // What a folder can make javac's Filer throw: a FilerException for a name already written or compiled
            // in this run, an IOException, an IllegalArgumentException for a folder where the file should be.
            // Anything else (an IllegalStateException) is a misuse of the Filer, a bug of ours: MC002.
            findings.add(Diagnostic.CANNOT_WRITE, network.costClassPosition(), qualifiedName, reason(e),
                    isNameClash(e) ? COST_CLASS_CLASH : SOURCE_FOLDER);
            return;
        }
        for (Map.Entry<String, String> report : ReportWriter.reports(cost, memory, reportFormats, depth).entrySet()) {
            try {
                writeResource(report.getKey(), report.getValue(), network);
            } catch (IOException | IllegalArgumentException | UncheckedIOException | SecurityException e) {
                findings.add(Diagnostic.CANNOT_WRITE, network.annotation(), "the reports of "
                        + network.type().getQualifiedName(), report.getKey() + ": " + reason(e), REPORT_FOLDER);
                break;
            }
        }
        if (verbose) {
            messager.printMessage(javax.tools.Diagnostic.Kind.NOTE,
                    VerboseNote.write(cost, memory, depth, reportFormats), network.type());
        }
    }

    private void writeSource(String qualifiedName, String text, NetworkDecl network) throws IOException {
        JavaFileObject source = filer.createSourceFile(qualifiedName, network.type());
        try (Writer out = source.openWriter()) {
            out.write(text);
        }
    }

    private void writeResource(String name, String text, NetworkDecl network) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, network.type());
        // UTF-8 whatever javac's -encoding (the platform's by default, ASCII on JDK 17 in a POSIX locale):
        // JSON is UTF-8 by definition, and the HTML page declares it.
        try (OutputStream out = file.openOutputStream()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether the Filer refused the name because this compilation already has a file or class of that name. */
    private static boolean isNameClash(Exception e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof FilerException
                && (message.startsWith("Attempt to recreate") || message.startsWith("Attempt to reopen"));
    }

    private static String reason(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
    }
}
