package dev.modelcost.cli;

/** What the commands' exit codes mean; CI scripts read them. */
public final class ExitCodes {
    /** Done, and nothing to object to. */
    public static final int OK = 0;
    /** The figure compared grew by more than the threshold. */
    public static final int GREW = 1;
    /** A wrong argument, or an input that is not what the command reads: never reported as {@link #GREW}. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
