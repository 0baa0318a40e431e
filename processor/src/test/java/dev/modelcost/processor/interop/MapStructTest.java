package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mapstruct.ap.MappingProcessor;

/**
 * MapStruct beside modelcost, in both orders, under {@code -Xlint:all}: each does its work, and the only warning
 * is MapStruct's own (it claims none of its annotations, as AutoValue does not).
 */
class MapStructTest {
    @ParameterizedTest
    @EnumSource(Order.class)
    void mapStructWritesItsMapperAndModelcostItsCostClass(Order order) {
        JavaFileObject mapper = Compiled.file(
                "package ms;",
                "@org.mapstruct.Mapper",
                "public interface Convert {",
                "    Target convert(Source source);",
                "    class Source {",
                "        private int size;",
                "        public int getSize() { return size; }",
                "        public void setSize(int size) { this.size = size; }",
                "    }",
                "    class Target {",
                "        private long size;",
                "        public long getSize() { return size; }",
                "        public void setSize(long size) { this.size = size; }",
                "    }",
                "}");
        JavaFileObject user = Compiled.file(
                "package ms;",
                "public class User {",
                "    static long use() {",
                "        return new ConvertImpl().convert(new Convert.Source()).getSize() + TinyCost.MACS;",
                "    }",
                "}");
        Compilation compilation = order.compile(ProcessorPath.registeredBeside(MappingProcessor.class),
                List.of("-Xlint:all"), mapper, ClaimingTest.tiny("ms"), user);
        assertThat(compilation).succeeded();
        Unclaimed.onlyOf(compilation, "org.mapstruct");
        assertThat(compilation).generatedSourceFile("ms.ConvertImpl");
        assertThat(Compiled.of(compilation).constant("ms.TinyCost", "MACS")).isEqualTo(7_776L);
    }
}
