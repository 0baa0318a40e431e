package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.Rotary;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;

/** {@code @Rotary}: a rotary position embedding on a sequence of heads; 3 operations per rotated element. */
final class RotaryRule extends LayerRule<RotaryRule.Spec> {

    /**
     * The settings of a rotary embedding.
     *
     * @param headSize features per head
     * @param dims dimensions rotated per head, 0 for all
     */
    record Spec(IntValue headSize, IntValue dims) implements LayerSpec {
        int rotated() {
            return dims.value() == 0 ? headSize.value() : dims.value();
        }
    }

    RotaryRule() {
        super(Rotary.class, LayerKind.ROTARY, Spec.class);
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.requiredInt("headSize"), values.optionalInt("dims"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec spec, Findings findings) {
        if (!Checks.atLeastOne(spec.headSize(), findings) || !Checks.atLeastZero(spec.dims(), findings)) {
            return false;
        }
        IntValue odd = spec.dims().value() % 2 != 0 ? spec.dims() : spec.headSize().value() % 2 != 0
                && spec.dims().value() == 0 ? spec.headSize() : null;
        if (odd != null) {
            return Rotations.reportOdd(odd, findings);
        }
        if (spec.dims().value() > spec.headSize().value()) {
            return Rotations.reportTooMany(spec.dims(), spec.headSize().value(), findings);
        }
        return true;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec spec, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        if (!Sequences.require(layer, "a rotary position embedding", input, flattenedBy, findings)) {
            return null;
        }
        long headSize = spec.headSize().value();
        if (input.channels() % headSize != 0) {
            findings.add(Diagnostic.HEAD_CHANNELS_DIFFER, spec.headSize().position(), layer.name(), "its input",
                    input.channels(), "they are not heads of headSize = " + headSize,
                    "use a head size that divides them: " + Divisors.commonNearText(input.channels(),
                            input.channels(), headSize));
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.product("FLOPs" + of, AttentionCount.OPERATIONS_PER_ROTATED, input.size(0),
                input.channels() / headSize, spec.rotated());
        return LayerFigures.operations(layer, "hs=" + headSize + " rope=" + spec.rotated(), input, input, flops, 0);
    }
}
