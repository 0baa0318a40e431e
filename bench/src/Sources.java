import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workloads' sources, every byte a function of the arguments (no randomness, no clock), so that two runs
 * compile the same text.
 */
final class Sources {
    /** The five properties of an AutoValue or Immutables value class, and the class's end. */
    private static final String VALUE_PROPERTIES = "    public abstract long id();\n\n"
            + "    public abstract String name();\n\n    public abstract int count();\n\n"
            + "    public abstract double weight();\n\n    public abstract List<String> tags();\n}\n";

    private Sources() {
    }

    /** N networks of L layers repeating convolution, batch normalization and ReLU on 16x8x8 (any L is valid). */
    static void synthetic(Path sources, int layers, int networks) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench"));
        for (int n = 0; n < networks; n++) {
            StringBuilder text = new StringBuilder()
                    .append("package bench;\n\nimport dev.modelcost.*;\n\n")
                    .append("@Network(input = @Shape(channels = 16, size = {8, 8}))\n")
                    .append("public class Net").append(n).append(" {\n");
            for (int i = 0; i < layers; i++) {
                text.append(switch (i % 3) {
                    case 0 -> "    @Conv(out = 16, kernel = 3, padding = 1) Layer conv" + i + ";\n";
                    case 1 -> "    @BatchNorm Layer bn" + i + ";\n";
                    default -> "    @Activation(ActivationFunction.RELU) Layer relu" + i + ";\n";
                });
            }
            write(dir.resolve("Net" + n + ".java"), text.append("}\n").toString());
        }
    }

    /** N copies of the sample's ResNet-50, ResNet50_0 ... ResNet50_(N-1), in package bench.resnet. */
    static void resnet(Path sources, Path sample, int copies) throws IOException {
        String text = Files.readString(sample.resolve("ResNet50.java"), StandardCharsets.UTF_8)
                .replace("package dev.modelcost.sample;", "package bench.resnet;");
        Path dir = Files.createDirectories(sources.resolve("bench/resnet"));
        for (int i = 0; i < copies; i++) {
            write(dir.resolve("ResNet50_" + i + ".java"), text.replaceAll("\\bResNet50\\b", "ResNet50_" + i)
                    .replace("name = \"ResNet-50\"", "name = \"ResNet-50 #" + i + "\""));
        }
    }

    /** The sample's {@code @Network} classes, unchanged, in their package. */
    static int sampleNetworks(Path sources, Path sample) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("dev/modelcost/sample"));
        List<Path> networks;
        try (Stream<Path> files = Files.list(sample)) {
            networks = files.filter(f -> f.toString().endsWith(".java")).sorted().filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8).contains("\n@Network");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        for (Path network : networks) {
            Files.copy(network, dir.resolve(network.getFileName().toString()));
        }
        return networks.size();
    }

    /**
     * N ordinary application classes in package bench.app, in a fixed mix of five kinds by index: an entity
     * (fields, constructor, accessors, equals, hashCode, toString), a generic container bounded by Comparable, a
     * service using collections, streams and lambdas on the entity before it, an enum with a switch, and an
     * interface (extending the one five classes before, in chains of four) with a nested record implementing it.
     * The services use the entity and the container just before them, so javac attributes across files as in a
     * real module.
     */
    static void application(Path sources, int classes) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench/app"));
        for (int i = 0; i < classes; i++) {
            String name = "C" + i;
            String text = switch (i % 5) {
                case 0 -> entity(name, i);
                case 1 -> container(name, i);
                case 2 -> service(name, i, "C" + (i - 2));
                case 3 -> enumeration(name, i);
                default -> contract(name, i, (i / 5) % 4 != 0 ? "C" + (i - 5) : null);
            };
            write(dir.resolve(name + ".java"), "package bench.app;\n\n" + text);
        }
    }

    private static String entity(String name, int i) {
        StringBuilder s = new StringBuilder()
                .append("import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Objects;\n\n")
                .append("/** An entity. */\npublic final class ").append(name).append(" {\n");
        int fields = 4 + i % 5;
        String[] types = {"long", "String", "int", "double", "List<String>", "boolean"};
        for (int f = 0; f < fields; f++) {
            s.append("    private ").append(f == 0 ? "final " : "").append(types[f % types.length]).append(" f")
                    .append(f).append(";\n");
        }
        s.append("\n    public ").append(name).append("(long f0) {\n        this.f0 = f0;\n");
        for (int f = 1; f < fields; f++) {
            if (types[f % types.length].startsWith("List")) {
                s.append("        this.f").append(f).append(" = new ArrayList<>();\n");
            }
        }
        s.append("    }\n");
        for (int f = 0; f < fields; f++) {
            String type = types[f % types.length];
            String cap = "F" + f;
            s.append("\n    public ").append(type).append(" get").append(cap).append("() {\n        return f")
                    .append(f).append(";\n    }\n");
            if (f > 0) {
                s.append("\n    public void set").append(cap).append("(").append(type).append(" value) {\n")
                        .append("        this.f").append(f).append(" = value;\n    }\n");
            }
        }
        s.append("\n    @Override\n    public boolean equals(Object other) {\n")
                .append("        if (this == other) {\n            return true;\n        }\n")
                .append("        if (!(other instanceof ").append(name).append(" that)) {\n")
                .append("            return false;\n        }\n        return ");
        for (int f = 0; f < fields; f++) {
            s.append(f == 0 ? "" : "\n                && ").append("Objects.equals(f").append(f).append(", that.f")
                    .append(f).append(")");
        }
        s.append(";\n    }\n\n    @Override\n    public int hashCode() {\n        return Objects.hash(");
        for (int f = 0; f < fields; f++) {
            s.append(f == 0 ? "" : ", ").append("f").append(f);
        }
        s.append(");\n    }\n\n    @Override\n    public String toString() {\n        return \"").append(name)
                .append("[\"");
        for (int f = 0; f < fields; f++) {
            s.append(" + \"").append(f == 0 ? "" : ", ").append("f").append(f).append("=\" + f").append(f);
        }
        return s.append(" + \"]\";\n    }\n}\n").toString();
    }

    private static String container(String name, int i) {
        return "import java.util.ArrayList;\nimport java.util.Collections;\nimport java.util.Comparator;\n"
                + "import java.util.List;\nimport java.util.Optional;\nimport java.util.function.Function;\n\n"
                + "/** A sorted container. */\npublic final class " + name + "<T extends Comparable<? super T>> {\n"
                + "    private final List<T> items = new ArrayList<>();\n"
                + "    private final int capacity;\n\n"
                + "    public " + name + "(int capacity) {\n        this.capacity = capacity;\n    }\n\n"
                + "    public boolean add(T item) {\n        if (items.size() >= capacity) {\n"
                + "            return false;\n        }\n        int at = Collections.binarySearch(items, item);\n"
                + "        items.add(at < 0 ? -at - 1 : at, item);\n        return true;\n    }\n\n"
                + "    public Optional<T> first() {\n        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));\n    }\n\n"
                + "    public Optional<T> last() {\n        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));\n    }\n\n"
                + "    public <R extends Comparable<? super R>> " + name + "<R> map(Function<? super T, ? extends R> f) {\n"
                + "        " + name + "<R> out = new " + name + "<>(capacity);\n"
                + "        for (T item : items) {\n            out.add(f.apply(item));\n        }\n        return out;\n    }\n\n"
                + "    public List<T> top(int n, Comparator<? super T> order) {\n"
                + "        List<T> copy = new ArrayList<>(items);\n        copy.sort(order);\n"
                + "        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));\n    }\n\n"
                + "    public int size() {\n        return items.size() + " + (i % 7) + " - " + (i % 7) + ";\n    }\n}\n";
    }

    private static String service(String name, int i, String entity) {
        return "import java.util.HashMap;\nimport java.util.List;\nimport java.util.Map;\nimport java.util.Optional;\n"
                + "import java.util.stream.Collectors;\n\n"
                + "/** A service over " + entity + ". */\npublic class " + name + " {\n"
                + "    private final Map<Long, " + entity + "> byId = new HashMap<>();\n"
                + "    private final " + "C" + (i - 1) + "<String> names = new C" + (i - 1) + "<>(" + (16 + i % 16) + ");\n\n"
                + "    public void save(" + entity + " item) {\n        byId.put(item.getF0(), item);\n"
                + "        names.add(String.valueOf(item.getF0()));\n    }\n\n"
                + "    public Optional<" + entity + "> find(long id) {\n        return Optional.ofNullable(byId.get(id));\n    }\n\n"
                + "    public List<" + entity + "> all(long from, long to) {\n"
                + "        return byId.values().stream().filter(e -> e.getF0() >= from && e.getF0() < to)\n"
                + "                .sorted((a, b) -> Long.compare(a.getF0(), b.getF0())).collect(Collectors.toList());\n    }\n\n"
                + "    public Map<Boolean, List<" + entity + ">> split(long pivot) {\n"
                + "        return byId.values().stream().collect(Collectors.partitioningBy(e -> e.getF0() < pivot));\n    }\n\n"
                + "    public long checksum() {\n        long sum = " + i + "L;\n"
                + "        for (Map.Entry<Long, " + entity + "> entry : byId.entrySet()) {\n"
                + "            sum = 31 * sum + entry.getKey() * entry.getValue().hashCode();\n        }\n"
                + "        return sum;\n    }\n}\n";
    }

    private static String enumeration(String name, int i) {
        StringBuilder s = new StringBuilder("/** A state. */\npublic enum ").append(name).append(" {\n");
        int constants = 3 + i % 6;
        for (int c = 0; c < constants; c++) {
            s.append("    S").append(c).append("(").append(c * 10 + i % 10).append(")")
                    .append(c == constants - 1 ? ";\n" : ",\n");
        }
        s.append("\n    private final int code;\n\n    ").append(name).append("(int code) {\n")
                .append("        this.code = code;\n    }\n\n    public int code() {\n        return code;\n    }\n\n")
                .append("    public ").append(name).append(" next() {\n        return switch (this) {\n");
        for (int c = 0; c < constants; c++) {
            s.append("            case S").append(c).append(" -> S").append((c + 1) % constants).append(";\n");
        }
        return s.append("        };\n    }\n\n    public static ").append(name).append(" of(int code) {\n")
                .append("        for (").append(name).append(" value : values()) {\n")
                .append("            if (value.code == code) {\n                return value;\n            }\n        }\n")
                .append("        throw new IllegalArgumentException(\"no state \" + code);\n    }\n}\n").toString();
    }

    private static String contract(String name, int i, String previous) {
        return "import java.util.List;\nimport java.util.function.Predicate;\n\n"
                + "/** A contract and its implementation. */\npublic interface " + name
                + (previous != null ? " extends " + previous : "") + " {\n"
                + "    String id" + i + "();\n\n"
                + "    default boolean matches" + i + "(Predicate<? super String> test) {\n"
                + "        return test.test(id" + i + "());\n    }\n\n"
                + "    static " + name + " of(List<String> parts) {\n"
                + "        return new Impl(String.join(\"/\", parts));\n    }\n\n"
                + "    record Impl(String value) implements " + name + " {\n"
                + "        @Override\n        public String id" + i + "() {\n            return value;\n        }\n"
                + (previous != null ? inherited(i - 5) : "")
                + "    }\n}\n";
    }

    private static String inherited(int i) {
        StringBuilder s = new StringBuilder();
        for (int k = i; ; k -= 5) {
            s.append("\n        @Override\n        public String id").append(k).append("() {\n")
                    .append("            return value + \"#").append(k).append("\";\n        }\n");
            if ((k / 5) % 4 == 0) {
                break;
            }
        }
        return s.toString();
    }

    /** N Dagger components, each with a module providing one binding and three {@code @Inject} classes. */
    static void dagger(Path sources, int count) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench/dagger"));
        for (int i = 0; i < count; i++) {
            String n = "Graph" + i;
            write(dir.resolve(n + ".java"), "package bench.dagger;\n\n"
                    + "import dagger.Component;\nimport dagger.Module;\nimport dagger.Provides;\n"
                    + "import javax.inject.Inject;\nimport javax.inject.Singleton;\n\n"
                    + "/** A component: a module's binding and three injected classes. */\n"
                    + "@Singleton\n@Component(modules = " + n + ".ConfigModule.class)\npublic interface " + n + " {\n"
                    + "    Service service();\n\n    Repository repository();\n\n"
                    + "    final class Config {\n        final String name;\n\n"
                    + "        Config(String name) {\n            this.name = name;\n        }\n    }\n\n"
                    + "    @Module\n    final class ConfigModule {\n        @Provides\n"
                    + "        static Config config() {\n            return new Config(\"" + n + "\");\n        }\n    }\n\n"
                    + "    final class Clock {\n        @Inject\n        Clock() {\n        }\n\n"
                    + "        long now() {\n            return " + i + "L;\n        }\n    }\n\n"
                    + "    @Singleton\n    final class Repository {\n        final Config config;\n\n"
                    + "        @Inject\n        Repository(Config config) {\n            this.config = config;\n        }\n    }\n\n"
                    + "    final class Service {\n        final Repository repository;\n        final Clock clock;\n\n"
                    + "        @Inject\n        Service(Repository repository, Clock clock) {\n"
                    + "            this.repository = repository;\n            this.clock = clock;\n        }\n    }\n}\n");
        }
    }

    /** N AutoValue classes of five properties. */
    static void autoValue(Path sources, int count) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench/autovalue"));
        for (int i = 0; i < count; i++) {
            write(dir.resolve("Value" + i + ".java"), "package bench.autovalue;\n\n"
                    + "import com.google.auto.value.AutoValue;\nimport java.util.List;\n\n"
                    + "/** A value. */\n@AutoValue\npublic abstract class Value" + i + " {\n"
                    + VALUE_PROPERTIES);
        }
    }

    /** N MapStruct mappers, each between two beans of five properties (one converted from int to String). */
    static void mapStruct(Path sources, int count) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench/mapstruct"));
        String bean = "        private long id;\n        private String name;\n        private %s count;\n"
                + "        private double weight;\n        private boolean active;\n\n"
                + "        public long getId() {\n            return id;\n        }\n\n"
                + "        public void setId(long id) {\n            this.id = id;\n        }\n\n"
                + "        public String getName() {\n            return name;\n        }\n\n"
                + "        public void setName(String name) {\n            this.name = name;\n        }\n\n"
                + "        public %s getCount() {\n            return count;\n        }\n\n"
                + "        public void setCount(%s count) {\n            this.count = count;\n        }\n\n"
                + "        public double getWeight() {\n            return weight;\n        }\n\n"
                + "        public void setWeight(double weight) {\n            this.weight = weight;\n        }\n\n"
                + "        public boolean isActive() {\n            return active;\n        }\n\n"
                + "        public void setActive(boolean active) {\n            this.active = active;\n        }\n";
        for (int i = 0; i < count; i++) {
            write(dir.resolve("Mapper" + i + ".java"), "package bench.mapstruct;\n\n"
                    + "import org.mapstruct.Mapper;\n\n/** A mapper between two beans. */\n@Mapper\n"
                    + "public interface Mapper" + i + " {\n    Target convert(Source source);\n\n"
                    + "    class Source {\n" + bean.formatted("int", "int", "int") + "    }\n\n"
                    + "    class Target {\n" + bean.formatted("String", "String", "String") + "    }\n}\n");
        }
    }

    /** N Immutables values of five attributes. */
    static void immutables(Path sources, int count) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("bench/immutables"));
        for (int i = 0; i < count; i++) {
            write(dir.resolve("Value" + i + ".java"), "package bench.immutables;\n\n"
                    + "import java.util.List;\nimport org.immutables.value.Value;\n\n"
                    + "/** A value. */\n@Value.Immutable\npublic abstract class Value" + i + " {\n"
                    + VALUE_PROPERTIES);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
