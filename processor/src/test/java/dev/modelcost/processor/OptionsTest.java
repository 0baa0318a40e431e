package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.writing.ReportFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code -Amodelcost.*} options read directly: what each value gives, and which values are MC001. */
class OptionsTest {

    @Test
    void aListOfReportsWithAnEmptyItemIsAnError() {
        for (String value : new String[] {",", "json,", ",md", "json,,html", " , "}) {
            Findings findings = new Findings();
            Options options = Options.parse(Map.of(Options.REPORTS, value), findings);
            assertThat(findings.all()).hasSize(1);
            assertThat(findings.all().get(0).message())
                    .startsWith("[MC001] option -Amodelcost.reports=" + value + " is not valid");
            // The default stands in, so the build still gets its reports.
            assertThat(options.reports()).containsExactlyElementsIn(ReportFormat.values());
        }
    }

    @Test
    void aListOfReportsChoosesThoseFormats() {
        Findings findings = new Findings();
        Options options = Options.parse(Map.of(Options.REPORTS, " json , HTML"), findings);
        assertThat(findings.all()).isEmpty();
        assertThat(options.reports()).containsExactly(ReportFormat.JSON, ReportFormat.HTML);
    }
}
