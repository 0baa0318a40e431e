package dev.modelcost.processor.model;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.diag.Position;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.VariableElement;

/**
 * One layer with its values resolved: a field of the network, or a field of a block in one use of that block.
 *
 * @param name its full name: the field's name, prefixed by the stage and repetition for a block's layer
 *     ({@code layer2.0.conv1})
 * @param field the field that declares it
 * @param kind what it computes
 * @param annotation where to report a problem of the layer as a whole
 * @param spec its settings
 * @param budget its own {@code @Budget}, or null
 * @param reads how its settings name each layer it reads, in the order it reads them: the name as written, or,
 *     where that name is an absent layer ({@code @When} false) and so stands for the layer that would have fed it,
 *     the full name of the layer read in its place ({@link dev.modelcost.From#INPUT} for the network's input)
 */
public record LayerDecl(String name, VariableElement field, LayerKind kind, Position annotation, LayerSpec spec,
        BudgetDecl budget, List<String> reads) {

    public LayerDecl {
        reads = List.copyOf(reads);
    }

    /**
     * How its settings name the layer it reads as its {@code index}-th input, or {@code written} when it reads
     * fewer.
     */
    public String reads(int index, String written) {
        return index < reads.size() ? reads.get(index) : written;
    }

    /** How its settings name the first {@code written.size()} layers it reads. */
    public List<String> reads(List<String> written) {
        List<String> names = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            names.add(reads(i, written.get(i)));
        }
        return names;
    }
}
