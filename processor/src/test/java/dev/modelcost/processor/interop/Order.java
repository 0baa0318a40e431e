package dev.modelcost.processor.interop;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Where modelcost's processors stand among another tool's in one javac run. javac offers a round's annotations
 * to the processors in this order, and what one claims the later ones never see, so each interop test runs both.
 */
enum Order {
    MODELCOST_FIRST,
    MODELCOST_LAST;

    /** Compiles the files with modelcost's registered processors and {@code others}, in this order. */
    Compilation compile(List<Processor> others, List<String> options, JavaFileObject... files) {
        List<Processor> processors = new ArrayList<>();
        if (this == MODELCOST_LAST) {
            processors.addAll(others);
        }
        processors.addAll(ProcessorPath.modelcost());
        if (this == MODELCOST_FIRST) {
            processors.addAll(others);
        }
        return javac().withProcessors(processors).withOptions(options).compile(files);
    }
}
