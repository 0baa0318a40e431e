package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.kinds.LayerRules;
import dev.modelcost.processor.read.AnnotationNames;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The property suite draws every registered layer kind, but for those it lists as not drawn yet. */
class GeneratorCoverageTest {
    /** Enough networks to draw every kind many times over: the rarest is drawn in about one network in ten. */
    private static final int NETWORKS = 400;

    @Test
    void theGeneratorDrawsEveryRegisteredKindButThoseItLists() {
        Set<String> drawn = new TreeSet<>();
        for (int seed = 1; seed <= NETWORKS; seed++) {
            Spec.Network network = NetworkGenerator.generate(seed, "C" + seed);
            network.fields.forEach(field -> drawn.add(field.kind.annotation));
            network.blocks.forEach(block -> block.fields.forEach(field -> drawn.add(field.kind.annotation)));
        }
        Set<String> notDrawn = new TreeSet<>();
        for (LayerRule<?> rule : LayerRules.all()) {
            String annotation = AnnotationNames.simpleName(rule.annotation());
            if (!drawn.contains(annotation)) {
                notDrawn.add(annotation);
            }
        }
        assertThat(notDrawn).isEqualTo(new TreeSet<>(NetworkGenerator.NOT_YET_GENERATED));
    }
}
