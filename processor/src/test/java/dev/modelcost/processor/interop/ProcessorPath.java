package dev.modelcost.processor.interop;

import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;

/**
 * Processors as javac finds them on a processor path: those a jar (or class folder) registers in its
 * {@code META-INF/services} file, in that file's order; or one named, as {@code -processor} does, from a jar
 * loaded on its own.
 */
final class ProcessorPath {
    private static final String SERVICES = "META-INF/services/" + Processor.class.getName();

    private ProcessorPath() {
    }

    /** New instances of modelcost's processors, in their registered order. */
    static List<Processor> modelcost() {
        return registeredBeside(ModelCostProcessor.class);
    }

    /** New instances of the processors registered by the jar or folder that holds {@code member}. */
    static List<Processor> registeredBeside(Class<?> member) {
        List<Processor> processors = new ArrayList<>();
        for (String name : registeredNames(member)) {
            processors.add(create(member.getClassLoader(), name));
        }
        return processors;
    }

    /** The jar or class folder that holds {@code member}. */
    static Path jarOf(Class<?> member) {
        try {
            return Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The class names in the service file of the jar or folder that holds {@code member}, in order. */
    static List<String> registeredNames(Class<?> member) {
        try {
            Path location = jarOf(member);
            if (Files.isDirectory(location)) {
                return serviceNames(location.resolve(SERVICES));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return serviceNames(jar.getPath(SERVICES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A processor named as {@code -processor} names it, from jars loaded by a class loader of their own, as on a
     * separate processor path: what they bundle (the Checker Framework bundles Guava) stays apart from the
     * test's class path.
     */
    static Processor isolated(List<Path> jars, String className) {
        try {
            return create(new JarsOnly(jars), className);
        } catch (MalformedURLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> serviceNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

    private static Processor create(ClassLoader loader, String name) {
        try {
            return (Processor) Class.forName(name, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create processor " + name, e);
        }
    }

    /** The classes of some jars, and of the JDK's modules (javac's among them); nothing of the class path. */
    private static final class JarsOnly extends URLClassLoader {
        JarsOnly(List<Path> jars) throws MalformedURLException {
            super(urls(jars), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] urls(List<Path> jars) throws MalformedURLException {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try {
                return super.findClass(name);
            } catch (ClassNotFoundException notInJars) {
                // jdk.compiler is defined to the application class loader, which also holds the class path.
                Class<?> type = Class.forName(name, false, ClassLoader.getSystemClassLoader());
                if (type.getModule().isNamed()) {
                    return type;
                }
                throw notInJars;
            }
        }
    }
}
