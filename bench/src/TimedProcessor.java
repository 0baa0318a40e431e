import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * modelcost's processor, unchanged, with a stopwatch around its {@code init} and {@code process}: what javac
 * spends in modelcost's own code (reading, checking, counting, writing the cost classes and reports through the
 * Filer), apart from what javac does because a processor ran (another round, compiling the generated classes).
 * The stopwatch is the thread's CPU time, which other processes on the machine do not inflate; it leaves out the
 * garbage collector's and the JIT compiler's threads. At the last round it writes the seconds to the file named
 * by {@code -Dbench.processorTime}.
 */
public final class TimedProcessor implements Processor {
    private final Processor delegate = new ModelCostProcessor();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long nanos;

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        long start = threads.getCurrentThreadCpuTime();
        delegate.init(environment);
        nanos += threads.getCurrentThreadCpuTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        long start = threads.getCurrentThreadCpuTime();
        boolean claimed = delegate.process(annotations, round);
        nanos += threads.getCurrentThreadCpuTime() - start;
        if (round.processingOver()) {
            String file = System.getProperty("bench.processorTime");
            if (file != null) {
                try {
                    Files.writeString(Path.of(file), String.format(Locale.ROOT, "%.3f%n", nanos / 1e9));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return claimed;
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }
}
