package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void markupCharactersAndBothQuotesBecomeReferences() {
        assertThat(HtmlText.escape("<a href='x' title=\"y\">&amp;</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;");
    }

    @Test
    void otherTextIsKeptAsItIs() {
        assertThat(HtmlText.escape("layer2.0.conv1 k=3 s=1 p=1 \u00b5s \u2014")).isEqualTo(
                "layer2.0.conv1 k=3 s=1 p=1 \u00b5s \u2014");
        assertThat(HtmlText.escape("")).isEmpty();
    }
}
