package dev.modelcost.processor.interop;

import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;

/**
 * modelcost's processors as javac discovers them on a processor path: the ones its jar registers in
 * {@code META-INF/services}, in that file's order. Reading that file, not naming the classes, keeps the tests
 * honest about what a build gets.
 */
final class Registered {
    private static final String SERVICES = "META-INF/services/" + Processor.class.getName();

    private Registered() {
    }

    /** New instances of modelcost's processors, in their registered order. */
    static List<Processor> modelcost() {
        List<Processor> processors = new ArrayList<>();
        for (String name : names()) {
            try {
                processors.add((Processor) Class.forName(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot create registered processor " + name, e);
            }
        }
        return processors;
    }

    /** The class names in the service file of the folder or jar that holds {@link ModelCostProcessor}. */
    static List<String> names() {
        try {
            Path classes = Path.of(ModelCostProcessor.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            try (InputStream in = Files.newInputStream(classes.resolve(SERVICES))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceFirst("#.*", "").trim())
                        .filter(line -> !line.isEmpty())
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
