package dev.modelcost.cli.report;

import dev.modelcost.cli.Text;
import java.nio.file.Path;

/** A file that is not a modelcost report this reader can use; the message is one line naming the file. */
public final class BadReportException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = 400;

    BadReportException(Path file, String problem) {
        super(Text.oneLine(file + ": " + problem, MAX_LENGTH));
    }
}
