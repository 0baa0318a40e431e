package dev.modelcost.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which current report is compared with which baseline. Reports are matched by file name, which is the network's
 * class name ({@code dev.modelcost.sample.ResNet50.json}); a baseline file compared with a report file is
 * matched whatever their names.
 *
 * @param pairs each report with its baseline, in file-name order
 * @param withoutBaseline the reports with no baseline of their name, in file-name order
 * @param withoutReport the baselines with no current report of their name (a network removed or renamed)
 */
record Pairing(List<Pair> pairs, List<Path> withoutBaseline, List<Path> withoutReport) {

    /** A current report and the baseline it is compared with. */
    record Pair(Path report, Path baseline) {
        /** The report's file name, e.g. {@code dev.modelcost.sample.ResNet50.json}. */
        String name() {
            return report.getFileName().toString();
        }
    }

    /**
     * Pairs the reports at {@code reports} (a report file, or a folder of them) with the baselines at
     * {@code baseline} (a report file, or a folder of them; it exists).
     */
    static Pairing of(Path reports, Path baseline) throws IOException {
        List<Path> current = Files.isDirectory(reports) ? jsonFiles(reports)
                : Files.isRegularFile(reports) ? List.of(reports) : List.of();
        List<Pair> pairs = new ArrayList<>();
        List<Path> withoutBaseline = new ArrayList<>();
        List<Path> withoutReport = new ArrayList<>();
        if (Files.isDirectory(baseline)) {
            for (Path report : current) {
                Path old = baseline.resolve(report.getFileName().toString());
                if (Files.isRegularFile(old)) {
                    pairs.add(new Pair(report, old));
                } else {
                    withoutBaseline.add(report);
                }
            }
            for (Path old : jsonFiles(baseline)) {
                if (current.stream().noneMatch(report -> report.getFileName().equals(old.getFileName()))) {
                    withoutReport.add(old);
                }
            }
        } else if (Files.isRegularFile(reports)) {
            pairs.add(new Pair(reports, baseline));
        } else {
            // One baseline, a folder of reports: only the network of the baseline's name is compared.
            current.stream().filter(report -> report.getFileName().equals(baseline.getFileName())).findFirst()
                    .ifPresentOrElse(report -> pairs.add(new Pair(report, baseline)), () -> withoutReport.add(baseline));
        }
        return new Pairing(List.copyOf(pairs), List.copyOf(withoutBaseline), List.copyOf(withoutReport));
    }

    /** The folder's {@code .json} files, by name (the processor writes its HTML and Markdown beside them). */
    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json") && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }
}
