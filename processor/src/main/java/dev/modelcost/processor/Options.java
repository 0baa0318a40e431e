package dev.modelcost.processor;

import dev.modelcost.DevicePreset;
import dev.modelcost.Precision;
import dev.modelcost.processor.diag.BudgetSeverity;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.Target;
import dev.modelcost.processor.writing.ReportFormat;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The processor's {@code -A} options, all namespaced {@code modelcost.*}. A bad value is an error that lists
 * the valid ones; the default is used in its place so that the rest of the build still reports.
 *
 * @param budgetSeverity what a blown budget is ({@code -Amodelcost.budget=error|warning|off}, default warning)
 * @param reports the report formats to write ({@code -Amodelcost.reports=json,md,html|none}, default all)
 * @param verbose whether to print each network's per-layer summary as a compiler note
 *     ({@code -Amodelcost.verbose=true})
 * @param target the precision and device for networks without {@code @Device}
 *     ({@code -Amodelcost.precision=fp32|fp16|bf16|int8}, {@code -Amodelcost.device=a100|h100|t4})
 * @param batch the batch size for networks whose {@code @Training} gives none ({@code -Amodelcost.batch=N},
 *     N at least 1; default 1)
 * @param depth how deep the Markdown report's and the note's table by stage goes ({@code -Amodelcost.depth=N}:
 *     1 the stages, 2 their repetitions too, and so on; 0 no such table; default 1)
 */
record Options(BudgetSeverity budgetSeverity, Set<ReportFormat> reports, boolean verbose, Target target,
        int batch, int depth) {
    static final String BUDGET = "modelcost.budget";
    static final String REPORTS = "modelcost.reports";
    static final String VERBOSE = "modelcost.verbose";
    static final String PRECISION = "modelcost.precision";
    static final String DEVICE = "modelcost.device";
    static final String BATCH = "modelcost.batch";
    static final String DEPTH = "modelcost.depth";

    /** Every option the processor reads, for {@code getSupportedOptions()}. */
    static final Set<String> NAMES = Set.of(BUDGET, REPORTS, VERBOSE, PRECISION, DEVICE, BATCH, DEPTH);

    /** Reads the options; problems go to {@code findings}. */
    static Options parse(Map<String, String> options, Findings findings) {
        BudgetSeverity severity = choice(options, BUDGET, BudgetSeverity.class, BudgetSeverity.WARNING, findings);
        Precision precision = choice(options, PRECISION, Precision.class, Precision.FP32, findings);
        DevicePreset device = choice(options, DEVICE, DevicePreset.class, DevicePreset.NONE, findings);
        boolean verbose = choice(options, VERBOSE, Bool.class, Bool.FALSE, findings) == Bool.TRUE;
        return new Options(severity, reports(options, findings), verbose, target(precision, device),
                batch(options, findings), depth(options, findings));
    }

    /** The batch size of {@code -Amodelcost.batch}: a whole number from 1 to {@link Integer#MAX_VALUE}. */
    private static int batch(Map<String, String> options, Findings findings) {
        String value = options.get(BATCH);
        if (value == null) {
            return 1;
        }
        try {
            int batch = Integer.parseInt(value.trim());
            if (batch >= 1) {
                return batch;
            }
        } catch (NumberFormatException e) {
            // reported below, as a value below 1 is
        }
        findings.add(Diagnostic.BAD_OPTION, Position.of(null), BATCH, value,
                "a whole number of samples from 1 to " + Integer.MAX_VALUE);
        return 1;
    }

    /** The depth of {@code -Amodelcost.depth}: a whole number from 0 (no table by stage) up; default 1. */
    private static int depth(Map<String, String> options, Findings findings) {
        String value = options.get(DEPTH);
        if (value == null) {
            return 1;
        }
        try {
            int depth = Integer.parseInt(value.trim());
            if (depth >= 0) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // reported below, as a negative depth is
        }
        findings.add(Diagnostic.BAD_OPTION, Position.of(null), DEPTH, value,
                "a whole number: 0 for no table by stage, 1 for the stages, 2 for their repetitions too, and so on");
        return 1;
    }

    /** The target a preset gives at a precision; no device for {@link DevicePreset#NONE}. */
    static Target target(Precision precision, DevicePreset device) {
        return device == DevicePreset.NONE ? new Target(precision, null, 0, 0)
                : new Target(precision, device.displayName(), device.peakFlopsPerSecond(precision),
                        device.bytesPerSecond());
    }

    private static Set<ReportFormat> reports(Map<String, String> options, Findings findings) {
        String value = options.get(REPORTS);
        if (value == null) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (value.trim().equalsIgnoreCase("none")) {
            return formats;
        }
        Map<String, ReportFormat> byName = Arrays.stream(ReportFormat.values())
                .collect(Collectors.toMap(ReportFormat::extension, Function.identity()));
        // A limit of -1 keeps empty items ("json,", ","), which are mistakes, not a shorter list.
        for (String name : value.split(",", -1)) {
            ReportFormat format = byName.get(name.trim().toLowerCase(Locale.ROOT));
            if (format == null) {
                findings.add(Diagnostic.BAD_OPTION, Position.of(null), REPORTS, value,
                        "a comma-separated list of json, md, html; or none");
                return EnumSet.allOf(ReportFormat.class);
            }
            formats.add(format);
        }
        return formats;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> options, String option, Class<E> type,
            E fallback, Findings findings) {
        String value = options.get(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            findings.add(Diagnostic.BAD_OPTION, Position.of(null), option, value,
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
            return fallback;
        }
    }

    /** The values of a boolean option. */
    private enum Bool {
        TRUE, FALSE
    }
}
