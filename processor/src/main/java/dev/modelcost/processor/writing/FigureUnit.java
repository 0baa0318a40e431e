package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.Reports;
import java.util.Locale;

/** The unit a figure is scaled in beside its exact value: counts in SI units, bytes in binary, time in seconds. */
enum FigureUnit {
    COUNT(""), MACS("MACs"), FLOPS("FLOPs"), BYTES("B"), NANOS("s");

    private final String unit;

    FigureUnit(String unit) {
        this.unit = unit;
    }

    /** The unit of a figure, from its key: {@code bytes...} and {@code ...Bytes...} bytes, {@code ...Nanos} time. */
    static FigureUnit of(Convention figure) {
        String key = figure.key();
        if (key.toLowerCase(Locale.ROOT).contains("bytes")) {
            return BYTES;
        }
        if (key.endsWith("Nanos")) {
            return NANOS;
        }
        if (key.equals("macs") || key.endsWith("Macs")) {
            return MACS;
        }
        if (key.equals("flops") || key.endsWith("Flops")) {
            return FLOPS;
        }
        return COUNT;
    }

    /** {@code 4,089,184,256} FLOPs as {@code "4.09 GFLOPs"}, {@code 102,760,448} bytes as {@code "98.0 MiB"}. */
    String scaled(long value) {
        return switch (this) {
            case BYTES -> Reports.scaledBytes(value);
            case NANOS -> Reports.scaledNanos(value);
            default -> Reports.scaled(value, unit);
        };
    }
}
