package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.GroupNorm;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/** {@code @GroupNorm}: the groups must divide the channels; counted as {@link Normalization} says. */
final class GroupNormRule extends LayerRule<GroupNormSpec> {

    GroupNormRule() {
        super(GroupNorm.class, LayerKind.GROUP_NORM, GroupNormSpec.class);
    }

    @Override
    protected String noDecodeStep(GroupNormSpec spec) {
        return "it normalizes over the tokens too, so each new token changes every output; @LayerNorm and @RMSNorm"
                + " normalize each token alone";
    }

    @Override
    public GroupNormSpec read(LayerValues values) {
        return new GroupNormSpec(values.requiredInt("value"), values.bool("affine"));
    }

    @Override
    protected boolean check(LayerDecl layer, GroupNormSpec norm, Findings findings) {
        return Checks.atLeastOne(norm.groups(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, GroupNormSpec norm, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        if (!Divisors.divideChannels(layer, norm.groups(), input.channels(), findings)) {
            return null;
        }
        String settings = "g=" + norm.groups().value() + (norm.affine() ? "" : " no-affine");
        return Normalization.figures(layer, norm.affine(), settings, input);
    }

    @Override
    protected GradientWork gradients(GroupNormSpec norm, List<TensorShape> inputs, LayerFigures figures) {
        return Normalization.gradients(norm.affine(), figures);
    }
}
