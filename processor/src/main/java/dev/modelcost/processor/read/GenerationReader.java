package dev.modelcost.processor.read;

import dev.modelcost.processor.model.GenerationDecl;
import dev.modelcost.processor.model.IntValue;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads a network class's {@code @Generation}. */
public final class GenerationReader {
    private final Elements elements;

    public GenerationReader(Elements elements) {
        this.elements = elements;
    }

    /** The class's {@code @Generation}, or null without one. */
    public GenerationDecl read(TypeElement type) {
        Optional<AnnotationMirror> mirror = AnnotationNames.find(type, AnnotationNames.GENERATION);
        if (mirror.isEmpty()) {
            return null;
        }
        AnnotationValues values = new AnnotationValues(elements, type, mirror.get());
        return new GenerationDecl(
                new IntValue("prompt of @Generation", values.intValue("prompt"), values.position("prompt")),
                new IntValue("tokens of @Generation", values.intValue("tokens"), values.position("tokens")),
                values.annotation());
    }
}
