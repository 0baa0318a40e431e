package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The layout of generated source, its javadoc and its names. */
class JavaSourceTest {
    @Test
    void javadocIsOneCommentLinePerLineAndCannotEndTheCommentEarly() {
        JavaSource source = new JavaSource(64).javadoc(1, "First */ line.\n\nThird.\n");

        assertThat(source.ascii()).isEqualTo("    /**\n     * First *&#47; line.\n     *\n     * Third.\n     */\n");
    }

    @Test
    void everyCharacterBeyondAsciiIsAUnicodeEscape() {
        assertThat(JavaSource.ascii("caf\u00e9 \u540d \ud835\udc9c")).isEqualTo("caf\\u00e9 \\u540d \\ud835\\udc9c");
        assertThat(JavaSource.ascii("plain")).isEqualTo("plain");
    }

    @Test
    void membersAreSeparatedByABlankLineAfterThePackageAndTheImports() {
        JavaSource source = new JavaSource(64).header("p", new TreeSet<>(List.of("b.B", "a.A")));
        source.code().append("class C");
        source.openBody();
        source.member().indent(1).append("int x;\n");
        source.member().indent(1).append("int y;\n");

        assertThat(source.closeBody(0).ascii())
                .isEqualTo("package p;\n\nimport a.A;\nimport b.B;\n\nclass C {\n    int x;\n\n    int y;\n}\n");
    }

    @Test
    void aTypeWhoseSimpleNameIsTakenIsNamedByItsQualifiedName() {
        TypeNames names = new TypeNames(Set.of("String"), List.of("java.lang.String", "dev.modelcost.ModelCost",
                "other.ModelCost"));

        assertThat(names.of("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(names.of("dev.modelcost.ModelCost")).isEqualTo("ModelCost");
        assertThat(names.of("other.ModelCost")).isEqualTo("other.ModelCost");
        assertThat(names.imports()).containsExactly("dev.modelcost.ModelCost");
        assertThat(new TypeNames(Set.of(), List.of("b.B", "a.A")).imports()).containsExactly("a.A", "b.B")
                .inOrder();
    }
}
