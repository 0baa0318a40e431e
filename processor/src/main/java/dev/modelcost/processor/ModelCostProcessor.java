package dev.modelcost.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.modelcost.processor.analysis.MemoryAnalyzer;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.diag.Reporter;
import dev.modelcost.processor.expand.NetworkExpander;
import dev.modelcost.processor.read.NetworkDecl;
import dev.modelcost.processor.read.AnnotationNames;
import dev.modelcost.processor.read.MalformedAnnotationException;
import dev.modelcost.processor.read.NetworkReader;
import dev.modelcost.processor.read.OutsideNetworkFinder;
import dev.modelcost.processor.read.SuperNetwork;
import dev.modelcost.processor.validation.BudgetChecker;
import dev.modelcost.processor.validation.DeclarationValidator;
import dev.modelcost.processor.writing.CostClassWriter;
import dev.modelcost.processor.writing.MarkdownReport;
import dev.modelcost.processor.writing.ReportWriter;
import java.io.IOException;
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

/**
 * The modelcost annotation processor: for each {@code @Network} class, reads its layers, checks them,
 * computes their cost and writes {@code <Network>Cost}. A thin shell: each step is a class of its own, and
 * every problem is reported through the {@link Diagnostic} catalog, never thrown into javac.
 */
@AutoService(Processor.class)
public final class ModelCostProcessor extends AbstractProcessor {
    private final DeclarationValidator validator = new DeclarationValidator();
    private final BudgetChecker budgets = new BudgetChecker();
    private final MemoryAnalyzer memoryAnalyzer = new MemoryAnalyzer();
    private Options options;
    private NetworkReader reader;
    private ReportWriter reports;
    private NetworkExpander expander;
    private OutsideNetworkFinder outsideNetworks;
    private CostClassWriter writer;
    private Reporter reporter;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Findings optionProblems = new Findings();
        options = Options.parse(environment.getOptions(), optionProblems);
        reporter = new Reporter(environment.getMessager(), options.budgetSeverity());
        reporter.report(optionProblems);
        reader = new NetworkReader(environment.getElementUtils(), options.target());
        expander = new NetworkExpander(reader);
        reports = new ReportWriter(environment.getFiler());
        outsideNetworks = new OutsideNetworkFinder(environment.getElementUtils());
        TypeElement generated = environment.getElementUtils().getTypeElement(AnnotationNames.GENERATED);
        writer = new CostClassWriter(generated == null ? null : ClassName.get(generated));
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
        try {
            Findings outside = new Findings();
            outsideNetworks.find(round, outside);
            reporter.report(outside);
        } catch (RuntimeException e) {
            reportCrash(null, "annotations outside networks", e);
        }
        TypeElement block = processingEnv.getElementUtils().getTypeElement(AnnotationNames.BLOCK);
        for (Element element : round.getElementsAnnotatedWith(block)) {
            if (element instanceof TypeElement type) {
                checkBlock(type);
            }
        }
        TypeElement network = processingEnv.getElementUtils().getTypeElement(AnnotationNames.NETWORK);
        for (Element element : round.getElementsAnnotatedWith(network)) {
            if (element instanceof TypeElement type) {
                processNetwork(type);
            }
        }
        return claims(annotations);
    }

    /**
     * Claims the annotations javac gave it, which are only its own ({@link #getSupportedAnnotationTypes}): javac's
     * {@code -Xlint:processing} then has nothing of modelcost's to call unclaimed, and every other annotation of
     * the round, {@code @Override} as much as another processor's, still goes on to the processors after this one.
     */
    private static boolean claims(Set<? extends TypeElement> annotations) {
        return annotations.stream()
                .map(annotation -> annotation.getQualifiedName().toString())
                .allMatch(AnnotationNames.CLAIMED::contains);
    }

    private void processNetwork(TypeElement type) {
        try {
            if (new SuperNetwork(processingEnv.getElementUtils()).isCopy(type)) {
                return; // the network it copies is counted, once
            }
            AnnotationMirror mirror = AnnotationNames.find(type, AnnotationNames.NETWORK).orElseThrow();
            Findings findings = new Findings();
            NetworkDecl declaration = reader.read(type, mirror, findings);
            NetworkCost cost = validator.validateNetwork(declaration, findings)
                    ? expander.expand(declaration, findings)
                    : null;
            if (cost != null && !findings.hasErrors()) {
                MemoryProfile memory = memoryAnalyzer.profile(cost, declaration.target(), findings);
                if (memory != null) {
                    budgets.check(cost, memory, findings);
                    // Budgets can find errors too (a latency budget without a device); an over-budget figure
                    // is never one here, whatever the severity option, so such a network still gets its class.
                    if (!findings.hasErrors()) {
                        write(cost, memory, findings);
                    }
                }
            }
            reporter.report(findings);
        } catch (MalformedAnnotationException e) {
            // javac has already reported the broken annotation value; nothing of ours would add to it.
        } catch (RuntimeException e) {
            reportCrash(type, type.getQualifiedName().toString(), e);
        }
    }

    /**
     * A block's own declaration (its fields' annotations, its parameters) is checked whether or not a network of
     * this compilation uses it; what depends on a use is checked where it is used.
     */
    private void checkBlock(TypeElement type) {
        try {
            Findings findings = new Findings();
            reader.readBlock(type, findings);
            reporter.report(findings);
        } catch (MalformedAnnotationException e) {
            // javac has already reported the broken annotation value.
        } catch (RuntimeException e) {
            reportCrash(type, type.getQualifiedName().toString(), e);
        }
    }

    /** An exception of ours becomes an error on the element being processed, never a javac crash. */
    private void reportCrash(Element element, String what, RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Findings crash = new Findings();
        crash.add(Diagnostic.INTERNAL_ERROR, Position.of(element), what, trace);
        reporter.report(crash);
    }

    /** The cost class, the reports and, when asked, the per-layer summary as a note. */
    private void write(NetworkCost cost, MemoryProfile memory, Findings findings) {
        try {
            CostClassWriter.writeTo(processingEnv.getFiler(), writer.write(cost, memory));
        } catch (IOException e) {
            findings.add(Diagnostic.CANNOT_WRITE, cost.network().costClassPosition(),
                    cost.network().packageName() + "." + cost.network().costClassName(), e.getMessage(),
                    "give @Network a costClass that no other class in the package uses");
            return;
        }
        try {
            reports.write(cost, memory, options.reports());
        } catch (IOException e) {
            findings.add(Diagnostic.CANNOT_WRITE, cost.network().annotation(), "the reports of "
                    + cost.network().type().getQualifiedName(), e.getMessage(),
                    "check that the class output folder is writable, or pass -Amodelcost.reports=none");
        }
        if (options.verbose()) {
            processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
                    MarkdownReport.write(cost, memory), cost.network().type());
        }
    }
}
