package dev.modelcost.processor.writing;

/** The report formats, chosen with {@code -Amodelcost.reports=json,md,html} (all by default, or {@code none}). */
public enum ReportFormat {
    JSON("json"),
    MD("md"),
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, which is also the option's value. */
    public String extension() {
        return extension;
    }
}
