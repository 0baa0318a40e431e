package dev.modelcost.cli;

import dev.modelcost.cli.diff.CostDiff;
import dev.modelcost.cli.report.BadReportException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code modelcost} command, the executable jar's main class: {@code java -jar modelcost-cli.jar diff
 * before.json after.json}. Whatever goes wrong, the exit code is never {@link ExitCodes#GREW} unless the
 * figure grew: a bad input or an unexpected failure is {@link ExitCodes#BAD_INPUT}, with one line on stderr.
 */
@Command(name = "modelcost", subcommands = CostDiff.class, description = "Tools for modelcost's reports.")
public final class ModelCostCli implements Runnable {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (Throwable e) { // an OutOfMemoryError too: the JVM would exit 1, which means "the cost grew"
            System.err.println(Text.oneLine("modelcost: failed: " + e, 400));
            code = ExitCodes.BAD_INPUT;
        }
        System.exit(code);
    }

    /** Runs the command line {@code args}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine command = new CommandLine(new ModelCostCli());
        command.setCaseInsensitiveEnumValuesAllowed(true);
        command.setOut(out);
        command.setErr(err);
        command.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine wrong = exception.getCommandLine();
            wrong.getErr().println(Text.oneLine(exception.getMessage(), 400));
            wrong.getErr().println("Try '" + wrong.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.BAD_INPUT;
        });
        command.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println(exception instanceof BadReportException ? exception.getMessage()
                    : Text.oneLine("modelcost: failed: " + exception, 400));
            return ExitCodes.BAD_INPUT;
        });
        int code = command.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: diff");
    }
}
