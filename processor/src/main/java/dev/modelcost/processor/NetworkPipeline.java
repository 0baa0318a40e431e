package dev.modelcost.processor;

import dev.modelcost.processor.analysis.MemoryAnalyzer;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.TrainingMemory;
import dev.modelcost.processor.analysis.TrainingProfile;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.expand.GenerationAnalyzer;
import dev.modelcost.processor.expand.LayerSteps;
import dev.modelcost.processor.expand.NetworkExpander;
import dev.modelcost.processor.model.NetworkDecl;
import dev.modelcost.processor.model.TrainingDecl;
import dev.modelcost.processor.read.GenerationReader;
import dev.modelcost.processor.read.NetworkReader;
import dev.modelcost.processor.read.NetworkTemplate;
import dev.modelcost.processor.read.SuperNetwork;
import dev.modelcost.processor.read.TrainingReader;
import dev.modelcost.processor.validation.BudgetChecker;
import dev.modelcost.processor.validation.DeclarationValidator;
import dev.modelcost.processor.writing.NetworkWriter;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The steps a network goes through, in order. Each step reports its problems to the network's findings; a step
 * runs only if those before it found no error that stops it.
 *
 * <ol>
 *   <li><b>a network of its own?</b> ({@link SuperNetwork}): a copy of the network it extends (AutoValue's
 *       {@code @CopyAnnotations}) is not; the network it copies is counted, once;
 *   <li><b>read</b> ({@link NetworkReader}): the class's annotations to a declaration, its fields as layer
 *       templates, each with its kind's rule ({@code kinds.LayerRules});
 *   <li><b>validate the network</b> ({@link DeclarationValidator#validateNetwork}): its input and its budget;
 *   <li><b>expand</b> ({@link NetworkExpander}): the graph of concrete layers, blocks instantiated once per
 *       repetition; each layer goes through {@link LayerSteps} as soon as its inputs are known (instantiate,
 *       validate, analyze, all by its kind's rule), then the totals;
 *   <li><b>memory</b> ({@link MemoryAnalyzer}): bytes moved, peak activations, the roofline bound;
 *   <li><b>training</b> ({@link TrainingReader}, {@link TrainingMemory}): the memory of a training step and the
 *       roofline over the batch;
 *   <li><b>generation</b> ({@link GenerationAnalyzer}), with {@code @Generation}: the network expanded again on
 *       its prompt and on one token, its decode steps and key/value cache;
 *   <li><b>budgets</b> ({@link BudgetChecker}): the network's and each layer's limits;
 *   <li><b>write</b> ({@link NetworkWriter}): the cost class and the reports, only without errors.
 * </ol>
 */
final class NetworkPipeline {
    private final SuperNetwork superNetworks;
    private final NetworkReader reader;
    private final NetworkExpander expander;
    private final DeclarationValidator validator = new DeclarationValidator();
    private final MemoryAnalyzer memoryAnalyzer = new MemoryAnalyzer();
    private final TrainingReader trainingReader;
    private final TrainingMemory trainingMemory = new TrainingMemory();
    private final GenerationReader generationReader;
    private final GenerationAnalyzer generation;
    private final BudgetChecker budgets = new BudgetChecker();
    private final NetworkWriter writer;

    /** @param expander this round's: it holds the blocks it has read, which are stale in the next round */
    NetworkPipeline(Elements elements, NetworkReader reader, NetworkExpander expander, NetworkWriter writer,
            TrainingReader trainingReader) {
        this.superNetworks = new SuperNetwork(elements);
        this.reader = reader;
        this.trainingReader = trainingReader;
        this.expander = expander;
        this.generationReader = new GenerationReader(elements);
        this.generation = new GenerationAnalyzer(expander);
        this.writer = writer;
    }

    /** Runs every step for the network class annotated with {@code network}. */
    void run(TypeElement type, AnnotationMirror network, Findings findings) {
        if (superNetworks.isCopy(type)) {
            return;
        }
        NetworkTemplate template = reader.read(type, network, findings);
        NetworkDecl declaration = template.declaration();
        TrainingDecl training = trainingReader.read(type, findings);
        NetworkCost cost = validator.validateNetwork(declaration, findings)
                ? expander.expand(template, findings)
                : null;
        if (cost == null || findings.hasErrors()) {
            return;
        }
        MemoryProfile memory = memoryAnalyzer.profile(cost, declaration.target(), findings);
        cost = memory == null ? null : generation.analyze(template, cost, generationReader.read(type), findings);
        if (cost == null) {
            return;
        }
        TrainingProfile trainingFigures = trainingMemory.profile(cost, memory, training, findings);
        if (trainingFigures == null) {
            return;
        }
        memory = memory.withTraining(trainingFigures);
        budgets.check(cost, memory, findings);
        // Budgets can find errors too (a latency budget without a device); an over-budget figure is never one
        // here, whatever the severity option, so such a network still gets its class.
        if (!findings.hasErrors()) {
            writer.write(cost, memory, findings);
        }
    }
}
