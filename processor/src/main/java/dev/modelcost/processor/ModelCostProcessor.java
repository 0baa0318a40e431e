package dev.modelcost.processor;

import com.google.auto.service.AutoService;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.diag.Reporter;
import dev.modelcost.processor.expand.NetworkExpander;
import dev.modelcost.processor.read.AnnotationNames;
import dev.modelcost.processor.read.MalformedAnnotationException;
import dev.modelcost.processor.read.NetworkReader;
import dev.modelcost.processor.read.OutsideNetworkFinder;
import dev.modelcost.processor.read.SourceText;
import dev.modelcost.processor.read.TrainingReader;
import dev.modelcost.processor.read.UnresolvedValueException;
import dev.modelcost.processor.writing.NetworkWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The modelcost annotation processor: for each {@code @Network} class, reads its layers, checks them,
 * computes their cost and writes {@code <Network>Cost}. A thin shell: {@link NetworkPipeline} names the steps,
 * each a class of its own, and every problem is reported through the {@link Diagnostic} catalog, never thrown
 * into javac.
 */
@AutoService(Processor.class)
public final class ModelCostProcessor extends AbstractProcessor {
    private Options options;
    private NetworkReader reader;
    private NetworkPipeline pipeline;
    /** This round's: it reads each block once, for the block's own checks and for the networks that use it. */
    private NetworkExpander expander;
    private OutsideNetworkFinder outsideNetworks;
    private NetworkWriter writer;
    private Reporter reporter;
    private SourceText sourceText;
    private final DeferredElements deferredNetworks = new DeferredElements();
    private final DeferredElements deferredBlocks = new DeferredElements();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Findings optionProblems = new Findings();
        options = Options.parse(environment.getOptions(), optionProblems);
        reporter = new Reporter(environment.getMessager(), options.budgetSeverity());
        reporter.report(optionProblems);
        reader = new NetworkReader(environment.getElementUtils(), options.target());
        outsideNetworks = new OutsideNetworkFinder(environment.getElementUtils());
        sourceText = new SourceText(environment);
        writer = new NetworkWriter(environment, options.reports(), options.verbose(), options.depth());
    }

    /**
     * modelcost's own annotations and the {@code @Generated} on the classes it writes, never {@code "*"}: javac
     * passes a round's annotations to processors in turn until all are claimed, and what a {@code "*"}
     * processor claims is every annotation of the round, hiding it from the processors after it.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return AnnotationNames.CLAIMED;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Options.NAMES;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        // Elements of an earlier round are stale in this one: nothing that holds them outlives the round.
        expander = new NetworkExpander(reader);
        pipeline = new NetworkPipeline(processingEnv.getElementUtils(), reader, expander, writer,
                new TrainingReader(processingEnv.getElementUtils(), options.batch()));
        try {
            Findings outside = new Findings();
            outsideNetworks.find(round, outside);
            reporter.report(outside);
        } catch (RuntimeException e) {
            reportCrash(null, "annotations outside networks", e);
        }
        Elements elements = processingEnv.getElementUtils();
        for (TypeElement block : deferredBlocks.thisRound(elements, annotatedWith(round, AnnotationNames.BLOCK))) {
            processOrDefer(round, deferredBlocks, block, "block", () -> checkBlock(block));
        }
        for (TypeElement network : deferredNetworks.thisRound(elements,
                annotatedWith(round, AnnotationNames.NETWORK))) {
            processOrDefer(round, deferredNetworks, network, "network", () -> processNetwork(network));
        }
        // javac gives it only its own annotations (getSupportedAnnotationTypes): claiming them leaves nothing of
        // modelcost's for -Xlint:processing to call unclaimed, and every other annotation of the round goes on to
        // the processors after this one.
        return true;
    }

    private Set<? extends Element> annotatedWith(RoundEnvironment round, String annotation) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }

    /**
     * Runs one class's step, which defers the class to the next round when one of its values is not resolved
     * yet (another processor, or modelcost itself, may generate what it names); when processing is over, such
     * a value is an error of its own. Nothing of the class is reported before then: its values are read again.
     */
    private void processOrDefer(RoundEnvironment round, DeferredElements deferred, TypeElement type, String what,
            Runnable step) {
        try {
            step.run();
        } catch (UnresolvedValueException e) {
            if (round.processingOver()) {
                Findings unresolved = new Findings();
                unresolved.add(Diagnostic.UNRESOLVED_VALUE, e.position(), what + " " + type.getQualifiedName(),
                        sourceText.of(e.position()), e.annotation(), e.attribute());
                reporter.report(unresolved);
            } else {
                deferred.defer(processingEnv.getElementUtils(), type);
            }
        } catch (MalformedAnnotationException e) {
            Findings mismatch = new Findings();
            mismatch.add(Diagnostic.ANNOTATIONS_MISMATCH, e.position(), e.annotation(),
                    e.position().element().getSimpleName(), e.expected(), e.attribute());
            reporter.report(mismatch);
        } catch (RuntimeException e) {
            reportCrash(type, type.getQualifiedName().toString(), e);
        }
    }

    private void processNetwork(TypeElement type) {
        AnnotationMirror mirror = AnnotationNames.find(type, AnnotationNames.NETWORK).orElseThrow();
        Findings findings = new Findings();
        pipeline.run(type, mirror, findings);
        reporter.report(findings);
    }

    /**
     * A block's own declaration (its fields' annotations, its parameters) is checked whether or not a network of
     * this compilation uses it; what depends on a use is checked where it is used.
     */
    private void checkBlock(TypeElement type) {
        Findings findings = new Findings();
        expander.readBlock(type, findings);
        reporter.report(findings);
    }

    /** An exception of ours becomes an error on the element being processed, never a javac crash. */
    private void reportCrash(Element element, String what, RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Findings crash = new Findings();
        crash.add(Diagnostic.INTERNAL_ERROR, Position.of(element), what, trace);
        reporter.report(crash);
    }

}
