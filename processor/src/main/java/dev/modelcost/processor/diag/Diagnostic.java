package dev.modelcost.processor.diag;

import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * The catalog of everything the processor reports. Each entry has a stable key that starts its message, so
 * builds, tests and users can refer to it; the prose may change, the key never does.
 */
public enum Diagnostic {
    BAD_OPTION("MC001", Kind.ERROR, "option -A%s=%s is not valid; use one of: %s"),
    INTERNAL_ERROR("MC002", Kind.ERROR,
            "modelcost failed on %s; please report this with the class that caused it: %s"),
    CANNOT_WRITE("MC003", Kind.ERROR, "cannot write %s: %s; %s"),

    EMPTY_NETWORK("MC100", Kind.ERROR,
            "network %s has no layers; annotate its fields with @Conv, @Deconv or @Dense"),
    LAYER_OUTSIDE_NETWORK("MC101", Kind.ERROR,
            "@%s on %s is outside any %s class; %s"),
    SEVERAL_LAYER_KINDS("MC102", Kind.ERROR,
            "field '%s' has both @%s and @%s; a field is one layer: keep one and move the other to a field of its own"),
    GROUPED_WITHOUT_CONVOLUTION("MC103", Kind.ERROR,
            "@Grouped on field '%s' needs @Conv or @Deconv on the same field%s"),
    NOT_POSITIVE("MC104", Kind.ERROR, "%s is %d; it must be at least 1"),
    NEGATIVE("MC105", Kind.ERROR, "%s is %d; it must be 0 or more"),
    WRONG_ARITY("MC106", Kind.ERROR,
            "%s has %d values but the input of layer '%s' has %d spatial dimension%s; %s"),
    GROUPS_DO_NOT_DIVIDE("MC107", Kind.ERROR,
            "layer '%s': %d groups do not divide the %s channels (%d); %s"),
    OUTPUT_TOO_SMALL("MC108", Kind.ERROR,
            "layer '%s': output size would be %d in spatial dimension %d (input %d, %s); %s"),
    OUTPUT_PADDING_TOO_LARGE("MC109", Kind.ERROR,
            "layer '%s': outputPadding %d in spatial dimension %d is not smaller than the stride (%d) or the dilation (%d); use at most %d"),
    OVERFLOW("MC110", Kind.ERROR,
            "%s (%s) exceeds %s; the network is too large to count exactly: use fewer channels or smaller sizes"),
    NO_SPATIAL_INPUT("MC111", Kind.ERROR,
            "layer '%s' is %s but its input (%s) has no spatial dimensions%s; %s"),
    GROUPED_AMBIGUOUS("MC112", Kind.ERROR, "@Grouped on field '%s' %s; write @Grouped(n) or @Grouped(depthwise = true)"),
    PADDING_WITH_SAME("MC113", Kind.ERROR,
            "layer '%s' has paddingMode = SAME and also %s; SAME chooses the padding itself: remove %s"),
    MODIFIER_WITHOUT_LAYER("MC114", Kind.ERROR,
            "@%s on field '%s', which is not a layer%s; put it on a field with a layer annotation such as @Conv or @Dense, or remove it"),
    BAD_CLASS_NAME("MC115", Kind.ERROR, "costClass \"%s\" is not a valid Java class name; use a simple name such as \"%s\""),
    MISSING_VALUE("MC116", Kind.ERROR, "%s is missing; give %s"),
    BAD_EXPRESSION("MC117", Kind.ERROR, "expression \"%s\" (%s): %s"),
    UNKNOWN_LAYER("MC118", Kind.ERROR,
            "layer '%s' takes input from '%s', which is not a layer declared before it%s; declared before it: %s"),
    SHAPES_DIFFER("MC119", Kind.ERROR, "layer '%s' %s %s, whose %s differ; %s"),
    NOT_A_BLOCK("MC120", Kind.ERROR, "@Stage on field '%s' uses %s, which is not a @Block; %s"),
    BLOCK_CYCLE("MC121", Kind.ERROR, "block %s contains itself (%s); a block cannot use itself, even indirectly"),
    BAD_ARGUMENT("MC122", Kind.ERROR, "@Stage on field '%s': %s; the parameters of %s are: %s"),
    TOO_MANY_LAYERS("MC123", Kind.ERROR,
            "network %s expands to more than %s layers (at '%s'); reduce the repeat counts"),
    BAD_CHANNEL_RANGE("MC124", Kind.ERROR, "layer '%s' keeps channels %d to %d of an input with %d channels; %s"),
    WHEN_OUTSIDE_BLOCK("MC125", Kind.ERROR,
            "@When on field '%s' of a network, whose layers always exist; remove @When, or move the layer into a @Block"),
    TOO_FEW_INPUTS("MC126", Kind.ERROR, "layer '%s' names %d input%s; it needs at least 2: list every operand"),
    ONE_OF("MC127", Kind.ERROR, "layer '%s' gives %s; give exactly one of %s"),
    INCOMPLETE_DEVICE("MC128", Kind.ERROR,
            "@Device gives %s but not %s; give a preset, or both peakFlops (operations per second) and bandwidth (bytes per second)"),
    LATENCY_WITHOUT_DEVICE("MC129", Kind.ERROR,
            "a latency budget on %s needs a device to bound latency on; add @Device(preset = ...) or -Amodelcost.device"),
    NESTED_TOO_DEEP("MC130", Kind.ERROR,
            "stage '%s' would nest block %s %d levels deep; blocks nest at most %d levels: use fewer levels of blocks"),
    TOO_MANY_DIMENSIONS("MC131", Kind.ERROR,
            "the input of network %s has %d spatial dimensions; modelcost supports at most %d"),
    FROM_ON_MERGE("MC132", Kind.ERROR,
            "@From on field '%s', whose @%s takes its inputs from its own list; name every input in @%s and remove @From"),
    POOL_PADDING_TOO_LARGE("MC133", Kind.ERROR,
            "layer '%s': padding %d in spatial dimension %d is more than half the window (%d), which PyTorch rejects; use at most %d"),
    UNRESOLVED_VALUE("MC134", Kind.ERROR,
            "%s was not counted: javac could not resolve %s in @%s(%s) by the end of annotation processing; fix the error javac reports there (a missing import, a misspelled name, or a class no processor generated)"),
    ANNOTATIONS_MISMATCH("MC135", Kind.ERROR,
            "@%s on %s has no %s attribute '%s' that this processor reads: the modelcost-annotations on the class path is not the version of modelcost-processor; use the same version of both"),
    PARAMETER_DECLARED_LATER("MC145", Kind.ERROR,
            "the default of parameter '%s' of %s uses '%s', but parameter '%s' is declared after '%s'; declare it first"),
    BUILT_IN_PARAMETER("MC146", Kind.ERROR,
            "@Param '%s' of %s has the name of the built-in '%s' (%s), which it would hide; rename the parameter"),
    EXTENDS_NETWORK("MC155", Kind.ERROR,
            "network %s extends network %s %s; a network counts the layer fields of its own class only, never %s's: %s"),
    NOT_A_SEQUENCE("MC160", Kind.ERROR,
            "layer '%s' is %s, which works on a sequence (features x tokens, one size), but its input is %s%s; %s"),
    MAP_SIZE_MISMATCH("MC161", Kind.ERROR,
            "layer '%s' makes a map of %s (%d positions) from %d tokens; %s"),
    ELEMENTS_DIFFER("MC162", Kind.ERROR, "layer '%s' reshapes %s (%d elements) to %s%s; %s"),
    BAD_RESHAPE("MC163", Kind.ERROR, "%s is %s; %s"),
    NOT_A_PERMUTATION("MC164", Kind.ERROR,
            "layer '%s' permutes {%s}, which is not a permutation of the dimensions 0 to %d of its input (%s)%s; %s"),
    CHANNELS_NOT_DIVISIBLE("MC165", Kind.ERROR,
            "layer '%s' shuffles %d channels into %d sizes by %d, but %d is not a multiple of %d^%d = %d; %s"),
    SIZE_NOT_DIVISIBLE("MC166", Kind.ERROR,
            "layer '%s' divides the sizes of %s by %d, but size %d (dimension %d) is not a multiple of %d; %s"),
    TOKEN_OUT_OF_RANGE("MC167", Kind.ERROR,
            "layer '%s' selects token %d of a sequence of %d tokens (%s); %s"),
    BAD_CONCAT_AXIS("MC168", Kind.ERROR,
            "layer '%s' concatenates along axis %d, but its inputs (%s) have dimensions 0 to %d (0 the channels, 1 and"
                    + " up the sizes); %s"),
    TIED_TO_UNKNOWN("MC170", Kind.ERROR,
            "layer '%s' shares the weights of '%s', which is not a layer declared before it%s; declared before it: %s"),
    TIED_WITHOUT_MATRIX("MC171", Kind.ERROR,
            "layer '%s' shares the weights of '%s', %s, which has no weight matrix to share; %s"),
    TIED_SHAPES_DIFFER("MC172", Kind.ERROR,
            "layer '%s' shares the weight matrix of '%s', which is %s, but its own is %s; %s"),
    NOT_TOKEN_IDS("MC173", Kind.ERROR,
            "layer '%s' is an embedding, whose input is token ids (1 x {L}: one channel, one id per token), but its input is %s; %s"),
    LEARNED_DOES_NOT_FIT("MC174", Kind.ERROR, "layer '%s': its learned tensor %s %s the input %s, %s; %s"),
    SEQUENCE_TOO_LONG("MC175", Kind.ERROR,
            "layer '%s' has %d positions, but its input is a sequence of %d tokens; give it positions = %d or more, or shorten the sequence"),
    HEADS_DO_NOT_DIVIDE("MC180", Kind.ERROR,
            "layer '%s': %d heads do not divide the %d features; %s"),
    KV_HEADS_DO_NOT_DIVIDE("MC181", Kind.ERROR,
            "layer '%s': %d key/value heads do not divide the %d heads; use one of %s (1 is multi-query attention)"),
    BAD_ROTARY("MC182", Kind.ERROR, "%s is %d, which is %s; %s"),
    WINDOW_DOES_NOT_FIT("MC183", Kind.ERROR,
            "layer '%s': a window of %d does not divide the size %d in dimension %d of its input (%s); %s"),
    BAD_SHIFT("MC184", Kind.ERROR, "layer '%s': %s; %s"),
    HEAD_CHANNELS_DIFFER("MC185", Kind.ERROR, "layer '%s': %s has %d channels, but %s; %s"),
    SETTINGS_CONFLICT("MC186", Kind.ERROR, "layer '%s' has %s, which %s; %s"),
    KEYS_NOT_A_SEQUENCE("MC187", Kind.ERROR,
            "layer '%s' takes its keys and values from '%s', whose output %s is not a sequence (features x tokens,"
                    + " one size); %s"),
    MATMUL_SHAPES_DIFFER("MC188", Kind.ERROR, "layer '%s' multiplies %s (%s) by %s (%s), but %s; %s"),
    MATMUL_OPERANDS("MC189", Kind.ERROR, "layer '%s' names %d operands; a product takes exactly 2: %s"),

    NO_RECURRENT_LAYER("MC190", Kind.ERROR,
            "%s is %d; a recurrent layer stacks at least 1 layer (PyTorch's num_layers); write layers = 1 or more, "
                    + "or remove the field to pass its input on unchanged"),
    RECURRENT_NONLINEARITY("MC191", Kind.ERROR,
            "%s is %s; PyTorch's nn.RNN applies tanh or relu only: write ActivationFunction.TANH (the default) or "
                    + "ActivationFunction.RELU"),

    FROZEN_WITHOUT_WEIGHTS("MC210", Kind.ERROR,
            "layer '%s' is @Frozen, but a @%s layer %s has no weights to freeze: its gradient passes through it "
                    + "either way; remove @Frozen, or put it on a layer with weights"),
    FROZEN_TIE_DIFFERS("MC211", Kind.ERROR,
            "layer '%s' %s @Frozen but shares the weight matrix of '%s', which %s: a shared matrix is one tensor, "
                    + "trained in both uses or in neither; freeze both layers or neither"),
    BAD_BATCH("MC220", Kind.ERROR,
            "@Training batch is %d; a batch has at least 1 sample: write batch = 1 or more, or leave it out to take "
                    + "-Amodelcost.batch (default 1)"),
    GENERATION_TOO_LONG("MC230", Kind.ERROR,
            "@Generation of network %s needs prompt + tokens = %d + %d = %d tokens, more than its longest context of"
                    + " %d (its input's sequence length); use a prompt and tokens that sum to at most %d, or declare"
                    + " a longer input"),
    GENERATION_WITHOUT_CAUSAL_ATTENTION("MC231", Kind.ERROR,
            "@Generation on network %s, which has no causal self-attention layer: a key/value cache is what causal"
                    + " attention keeps; give its attention causal = true, or remove @Generation"),
    GENERATION_NOT_A_SEQUENCE("MC232", Kind.ERROR,
            "@Generation on network %s, whose input %s is not a sequence of tokens (one size); declare input ="
                    + " @Shape(channels = ..., size = L) with L its longest context, or remove @Generation"),
    NO_DECODE_STEP("MC233", Kind.ERROR,
            "layer '%s' of network %s has no decode step with a key/value cache: %s; change the layer, or remove"
                    + " @Generation from the network"),
    GENERATION_FAILS_AT("MC234", Kind.ERROR,
            "@Generation of network %s: on %s it cannot be analyzed: %s; make every layer valid on that length,"
                    + " or change @Generation"),
    GENERATION_BUDGET_WITHOUT_GENERATION("MC235", Kind.ERROR,
            "a %s budget on %s needs @Generation(prompt = ..., tokens = ...) on the network; add it, or remove"
                    + " the limit"),
    GENERATION_BUDGET_ON_LAYER("MC236", Kind.ERROR,
            "a %s budget on layer '%s': it is a figure of the whole network's generation; put it on the"
                    + " @Network class's @Budget"),
    GENERATION_TOO_MANY_STEPS("MC237", Kind.ERROR,
            "@Generation of network %s: %d decode steps of %d layers each are more than %d to sum one by one, and"
                    + " the steps' costs are not affine in the context; generate fewer tokens"),

    BUDGET_EXCEEDED("MC200", Kind.WARNING,
            "%s is over budget: %s %s > limit %s (%s)%s; reduce the cost, raise the limit, or add @SuppressWarnings(\"%s\")");

    /** The {@code @SuppressWarnings} value that silences {@link #BUDGET_EXCEEDED}. */
    public static final String BUDGET_SUPPRESSION = "modelcost:budget";

    private final String key;
    private final Kind defaultKind;
    private final String template;

    Diagnostic(String key, Kind defaultKind, String template) {
        this.key = key;
        this.defaultKind = defaultKind;
        this.template = template;
    }

    /** The stable key, e.g. {@code MC107}. */
    public String key() {
        return key;
    }

    /** The severity unless an option changes it. */
    public Kind defaultKind() {
        return defaultKind;
    }

    /** The full message: key first, then the template filled in. */
    public String format(Object... arguments) {
        return "[" + key + "] " + String.format(Locale.ROOT, template, arguments);
    }
}
