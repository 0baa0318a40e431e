package dev.modelcost.processor.read;

import dev.modelcost.Optimizer;
import dev.modelcost.TrainingPrecision;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.TrainingDecl;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads a network's {@code @Training}: its optimizer and precision, and its batch, which wins over the option's
 * ({@code -Amodelcost.batch}). A network without it is trained as {@code @Training}'s defaults say.
 */
public final class TrainingReader {
    private final Elements elements;
    private final int optionBatch;

    /** @param optionBatch the batch of {@code -Amodelcost.batch}, else 1 */
    public TrainingReader(Elements elements, int optionBatch) {
        this.elements = elements;
        this.optionBatch = optionBatch;
    }

    /** The network's training; a batch below 1 is reported and the option's used in its place. */
    public TrainingDecl read(TypeElement type, Findings findings) {
        Optional<AnnotationMirror> mirror = AnnotationNames.find(type, AnnotationNames.TRAINING);
        if (mirror.isEmpty()) {
            // @Training's defaults
            return new TrainingDecl(Optimizer.ADAM, TrainingPrecision.FP32, optionBatch);
        }
        AnnotationValues training = new AnnotationValues(elements, type, mirror.get());
        int batch = optionBatch;
        if (training.isWritten("batch")) {
            int written = training.intValue("batch");
            if (written < 1) {
                findings.add(Diagnostic.BAD_BATCH, training.position("batch"), written);
            } else {
                batch = written;
            }
        }
        return new TrainingDecl(Optimizer.valueOf(training.enumValue("optimizer")),
                TrainingPrecision.valueOf(training.enumValue("precision")), batch);
    }
}
