package dev.modelcost.cli.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one figure of a modelcost JSON report: its total and its value per layer. The report is streamed, so
 * a report of a million layers needs little memory, and bounded: nesting and number lengths are limited far
 * above what a report holds, numbers are never converted beyond a {@code long}, and a file that is not a
 * report of the version read, or holds a value of the wrong type, is a {@link BadReportException} that says
 * what is wrong in one line.
 */
public final class ReportReader {
    /** A report nests 4 deep (the root, the layers, a layer, its shape); the rest is room for new fields. */
    static final int MAX_NESTING = 32;
    /** Characters of one number: a count fits in a long (19 digits). */
    static final int MAX_NUMBER_LENGTH = 64;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String metric;

    /** @param metric the figure to read, a key of the report's totals such as {@code macs} */
    public ReportReader(String metric) {
        this.metric = metric;
    }

    /** The report in {@code file}. */
    public Report read(Path file) throws BadReportException {
        requireNonEmptyFile(file);
        // UTF-8 strictly (a report is UTF-8): a binary file fails on its first byte that is not, not later.
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder());
                JsonParser parser = JSON.createParser(in)) {
            return new ReportParse(file, parser, metric).report();
        } catch (CharacterCodingException e) {
            throw new BadReportException(file, "not UTF-8 text, so not a report (a binary file?)");
        } catch (StreamConstraintsException e) {
            throw new BadReportException(file, "not a modelcost report: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new BadReportException(file, "not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new BadReportException(file, "cannot be read: " + e);
        }
    }

    private static void requireNonEmptyFile(Path file) throws BadReportException {
        if (!Files.exists(file)) {
            throw new BadReportException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadReportException(file, "a directory, not a report");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadReportException(file, "not a regular file, so not a report");
        }
        try {
            if (Files.size(file) == 0) {
                throw new BadReportException(file, "an empty file, not a report");
            }
        } catch (IOException e) {
            throw new BadReportException(file, "cannot be read: " + e);
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
