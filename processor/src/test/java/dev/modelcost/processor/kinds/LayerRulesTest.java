package dev.modelcost.processor.kinds;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.Conv;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.read.AnnotationNames;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry is complete: every layer annotation has its rule, every kind a rule, the schema every kind. */
class LayerRulesTest {

    @Test
    void everyLayerAnnotationHasOneRule() throws Exception {
        Set<String> fieldAnnotations = new TreeSet<>();
        for (Class<?> type : annotationTypes()) {
            Target target = type.getAnnotation(Target.class);
            if (type.isAnnotation() && target != null && Arrays.asList(target.value()).contains(ElementType.FIELD)) {
                fieldAnnotations.add(type.getCanonicalName());
            }
        }
        // The annotations of a field that declare no layer of their own: the modifiers, a block's parameter, a stage.
        fieldAnnotations.removeAll(AnnotationNames.MODIFIERS);
        fieldAnnotations.removeAll(List.of(AnnotationNames.PARAM, AnnotationNames.STAGE));

        List<String> ruled = LayerRules.all().stream().map(LayerRule::annotation).collect(Collectors.toList());
        assertThat(ruled).containsNoDuplicates();
        assertThat(new TreeSet<>(ruled)).isEqualTo(fieldAnnotations);
        for (String annotation : fieldAnnotations) {
            assertThat(LayerRules.of(annotation).annotation()).isEqualTo(annotation);
        }
    }

    @Test
    void everyKindHasARule() {
        Set<LayerKind> declared = new HashSet<>();
        LayerRules.all().forEach(rule -> declared.add(rule.kind()));
        // @AdaptivePool's mode makes it either pooling kind; both have rules of their own as well.
        assertThat(declared).containsExactlyElementsIn(LayerKind.values());
    }

    @Test
    void theReportSchemaListsEveryKind() throws IOException {
        JsonNode schema;
        try (InputStream in = LayerRulesTest.class.getClassLoader()
                .getResourceAsStream("dev/modelcost/processor/writing/report-schema.json")) {
            schema = JsonMapper.builder().build().readTree(in);
        }
        List<String> kinds = new ArrayList<>();
        schema.at("/properties/layers/items/properties/kind/enum").forEach(kind -> kinds.add(kind.asString()));
        List<String> expected = Arrays.stream(LayerKind.values()).map(Enum::name).collect(Collectors.toList());
        assertThat(kinds).containsExactlyElementsIn(expected).inOrder();
    }

    /** The classes of the annotations' package, {@code dev.modelcost}, from its directory or its jar. */
    private static List<Class<?>> annotationTypes() throws URISyntaxException, IOException,
            ClassNotFoundException {
        Path location = Path.of(Conv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve("dev/modelcost"))) {
                names = files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                names = jar.stream().map(entry -> entry.getName())
                        .filter(name -> name.matches("dev/modelcost/[^/]+"))
                        .map(name -> name.substring("dev/modelcost/".length())).collect(Collectors.toList());
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".class") && !name.contains("$")) {
                types.add(Class.forName("dev.modelcost." + name.substring(0, name.length() - ".class".length())));
            }
        }
        assertThat(types).isNotEmpty();
        return types;
    }
}
