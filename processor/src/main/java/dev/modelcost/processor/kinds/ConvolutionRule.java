package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.PaddingMode;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code @Conv} and {@code @Deconv}, grouped or not ({@code @Grouped}), in any number of spatial dimensions; the
 * shapes and figures are {@link ConvolutionAnalyzer}'s.
 */
final class ConvolutionRule extends LayerRule<ConvSpec> {
    private final ConvolutionAnalyzer analyzer = new ConvolutionAnalyzer();
    private final boolean transposed;

    ConvolutionRule(Class<? extends Annotation> annotation, LayerKind kind, boolean transposed) {
        super(annotation, kind, ConvSpec.class);
        this.transposed = transposed;
    }

    @Override
    public boolean groupable() {
        return true;
    }

    @Override
    public ConvSpec read(LayerValues values) {
        Grouping grouping = null;
        LayerValues grouped = values.grouped();
        if (grouped != null) {
            IntValue count = grouped.isGiven("value") ? grouped.optionalInt("value") : null;
            grouping = new Grouping(count, grouped.bool("depthwise"), grouped.position("depthwise"),
                    grouped.annotation());
        }
        return new ConvSpec(
                transposed,
                values.requiredInt("out"),
                values.requiredInts("kernel"),
                values.ints("stride"),
                values.ints("padding"),
                values.ints("dilation"),
                transposed ? values.ints("outputPadding") : null,
                values.bool("bias"),
                values.enumValue("paddingMode").equals(PaddingMode.SAME.name()),
                values.position("paddingMode"),
                grouping);
    }

    /** A kernel and a stride of 1 work on each token on its own; a wider one mixes neighbouring tokens. */
    @Override
    protected String noDecodeStep(ConvSpec conv) {
        boolean perToken = IntStream.concat(Arrays.stream(conv.kernel().values()),
                Arrays.stream(conv.stride().values())).allMatch(value -> value == 1);
        if (!perToken) {
            return "its kernel or stride spans several tokens, and modelcost keeps no cache of a convolution's window";
        }
        boolean keepsLength = Arrays.stream(conv.padding().values()).allMatch(value -> value == 0)
                && (conv.outputPadding() == null
                        || Arrays.stream(conv.outputPadding().values()).allMatch(value -> value == 0));
        return keepsLength ? null : "its padding adds tokens to the sequence";
    }

    @Override
    protected boolean check(LayerDecl layer, ConvSpec conv, Findings findings) {
        boolean valid = Checks.atLeastOne(conv.out(), findings)
                & Checks.atLeastOne(conv.kernel(), findings)
                & Checks.atLeastOne(conv.stride(), findings)
                & Checks.atLeastOne(conv.dilation(), findings)
                & Checks.atLeastZero(conv.padding(), findings);
        if (conv.outputPadding() != null) {
            valid &= Checks.atLeastZero(conv.outputPadding(), findings);
        }
        if (conv.same()) {
            valid &= notWrittenWithSame(layer, conv.padding(), findings);
            if (conv.outputPadding() != null) {
                valid &= notWrittenWithSame(layer, conv.outputPadding(), findings);
            }
        }
        if (conv.grouping() != null) {
            valid &= validGrouping(layer, conv.grouping(), findings);
        }
        return valid;
    }

    private static boolean validGrouping(LayerDecl layer, Grouping grouping, Findings findings) {
        if (grouping.count() != null && grouping.depthwise()) {
            findings.add(Diagnostic.GROUPED_AMBIGUOUS, grouping.depthwisePosition(), layer.name(),
                    "gives both a group count and depthwise = true");
            return false;
        }
        if (grouping.count() == null && !grouping.depthwise()) {
            findings.add(Diagnostic.GROUPED_AMBIGUOUS, grouping.annotation(), layer.name(),
                    "gives neither a group count nor depthwise = true");
            return false;
        }
        return grouping.count() == null || Checks.atLeastOne(grouping.count(), findings);
    }

    private static boolean notWrittenWithSame(LayerDecl layer, IntsValue value, Findings findings) {
        if (value.position().value() == null) {
            return true;
        }
        String attribute = value.label().substring(0, value.label().indexOf(' '));
        findings.add(Diagnostic.PADDING_WITH_SAME, value.position(), layer.name(), attribute, attribute);
        return false;
    }

    @Override
    protected boolean checksItsInput() {
        return true;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, ConvSpec conv, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        return analyzer.analyze(layer, conv, inputs.get(0), flattenedBy, findings);
    }

    @Override
    protected TensorShape unknownShape(ConvSpec conv, TensorShape input) {
        return TensorShape.unknownSizes(Math.max(1, conv.out().value()), input.rank());
    }
}
