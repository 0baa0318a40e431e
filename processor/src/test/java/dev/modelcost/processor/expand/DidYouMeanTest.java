package dev.modelcost.processor.expand;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggestion for a misspelled name: close names only, the closest first. */
class DidYouMeanTest {

    @Test
    void anEditOrASwapIsOneStep() {
        assertThat(DidYouMean.distance("width", "width")).isEqualTo(0);
        assertThat(DidYouMean.distance("widht", "width")).isEqualTo(1); // swapped neighbours
        assertThat(DidYouMean.distance("wdth", "width")).isEqualTo(1); // one deleted
        assertThat(DidYouMean.distance("widths", "width")).isEqualTo(1); // one inserted
        assertThat(DidYouMean.distance("conv2", "conv1")).isEqualTo(1); // one substituted
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void theClosestOfTheCloseNamesIsSuggested() {
        List<String> known = List.of("in", "width", "stride", "groups");
        assertThat(DidYouMean.hint("widht", known)).isEqualTo(" (did you mean 'width'?)");
        assertThat(DidYouMean.hint("strde", known)).isEqualTo(" (did you mean 'stride'?)");
        assertThat(DidYouMean.hint("Groups", known)).isEqualTo(" (did you mean 'groups'?)");
        // Ties go to the first known name.
        assertThat(DidYouMean.closest("conv", List.of("conv1", "conv2"))).hasValue("conv1");
        assertThat(DidYouMean.closest("conv2", List.of("conv", "conv22", "conv1"))).hasValue("conv");
    }

    @Test
    void farNamesAreNotSuggested() {
        List<String> known = List.of("in", "width", "stride");
        // One edit in a name of one or two characters is most of it.
        assertThat(DidYouMean.hint("x", List.of("y"))).isEmpty();
        assertThat(DidYouMean.hint("on", known)).isEmpty();
        assertThat(DidYouMean.hint("depth", known)).isEmpty();
        assertThat(DidYouMean.hint("height", known)).isEmpty();
        assertThat(DidYouMean.hint("width", List.of("width"))).isEmpty(); // the name itself is not a suggestion
        assertThat(DidYouMean.hint("anything", List.of())).isEmpty();
        assertThat(DidYouMean.hint("a".repeat(100_000), List.of("a".repeat(99_999)))).isEmpty();
    }
}
