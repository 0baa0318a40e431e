package dev.modelcost.processor.expand;

import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.read.LayerTemplate;
import dev.modelcost.processor.validation.DeclarationValidator;
import java.util.List;

/**
 * The steps of one layer, in order, once the shapes of its inputs are known: <b>instantiate</b> (its values
 * resolved in the scope, read by its kind's rule), <b>validate</b> (its values, by its rule, and its budget's),
 * <b>analyze</b> (its output shape and figures, by its rule). A step runs only if the one before succeeded.
 */
public final class LayerSteps {
    private final Instantiator instantiator = new Instantiator();
    private final DeclarationValidator validator = new DeclarationValidator();

    /**
     * What came of one layer.
     *
     * @param layer the concrete layer, or null when it could not be instantiated
     * @param figures its figures, or null when it has a problem (reported)
     * @param output its output shape: when it has a problem, as far as known (sizes unknown), so that later
     *     layers can still be checked
     */
    public record Outcome(LayerDecl layer, LayerFigures figures, TensorShape output) {
    }

    /**
     * Runs the steps.
     *
     * @param inputs the shapes of its inputs
     * @param reads how its settings name the layers it reads ({@link LayerDecl#reads()})
     * @param flattenedBy the layer that removed the spatial dimensions of its (first) input, or null
     */
    public Outcome run(LayerTemplate template, LayerTemplate.OneLayer declared, Scope scope,
            List<TensorShape> inputs, List<String> reads, String flattenedBy, Findings findings) {
        LayerRule<?> rule = declared.rule();
        LayerDecl layer = instantiator.instantiate(template, declared, scope, reads, findings);
        if (layer == null) {
            TensorShape input = inputs.get(0);
            return new Outcome(null, null, TensorShape.unknownSizes(input.channels(), input.rank()));
        }
        LayerFigures figures = validator.validateLayer(layer, rule, findings)
                ? rule.figures(layer, inputs, flattenedBy, findings)
                : null;
        return new Outcome(layer, figures, figures != null ? figures.output() : rule.unknownOutput(layer, inputs.get(0)));
    }
}
