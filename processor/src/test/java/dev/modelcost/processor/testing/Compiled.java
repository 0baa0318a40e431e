package dev.modelcost.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * Compiles network sources in memory with the processor, and loads the generated classes so tests can read
 * their constants as a user's code would.
 */
public final class Compiled {
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("public (?:final |abstract )*(?:class|enum|interface|record) ([A-Za-z0-9_$]+)");
    private final Compilation compilation;

    private Compiled(Compilation compilation) {
        this.compilation = compilation;
    }

    /** A compilation made elsewhere (with other processors beside modelcost), to read its generated classes. */
    public static Compiled of(Compilation compilation) {
        return new Compiled(compilation);
    }

    /** Compiles one source file, given as lines; its name is taken from its package and public type. */
    public static Compiled source(String... lines) {
        return sources(List.of(file(lines)));
    }

    /** Compiles the files with the processor and these javac options. */
    public static Compiled sources(List<JavaFileObject> files, String... options) {
        return new Compiled(javac().withProcessors(new ModelCostProcessor()).withOptions((Object[]) options)
                .compile(files));
    }

    /** A source file from lines; its name is taken from its package and its public type. */
    public static JavaFileObject file(String... lines) {
        String packageName = "";
        String typeName = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("package ")) {
                packageName = trimmed.substring(8, trimmed.indexOf(';')).trim() + ".";
            }
            Matcher publicType = PUBLIC_TYPE.matcher(trimmed);
            if (typeName == null && publicType.find()) {
                typeName = publicType.group(1);
            }
        }
        if (typeName == null) {
            throw new IllegalArgumentException("no public type in the source");
        }
        return JavaFileObjects.forSourceLines(packageName + typeName, lines);
    }

    /** The compile-testing result, for assertions on diagnostics and generated files. */
    public Compilation compilation() {
        return compilation;
    }

    /** The {@code MODEL} of a generated cost class, e.g. {@code model("demo.TinyNetCost")}. */
    public ModelCost model(String costClass) {
        return (ModelCost) staticField(costClass, "MODEL");
    }

    /** A {@code long} constant of a generated cost class, e.g. {@code constant("demo.TinyNetCost", "MACS")}. */
    public long constant(String costClass, String name) {
        return (Long) staticField(costClass, name);
    }

    /** Any static field of a generated class. */
    public Object staticField(String className, String name) {
        try {
            Class<?> type = Class.forName(className, true, new GeneratedClassLoader(classFiles()));
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + className + "." + name + "; diagnostics: "
                    + compilation.diagnostics(), e);
        }
    }

    private Map<String, byte[]> classFiles() {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String binaryName = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                    path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(binaryName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    /** Defines the compiled classes; everything else, the runtime types included, comes from the test's loader. */
    private static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClassLoader(Map<String, byte[]> classes) {
            super(Compiled.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
