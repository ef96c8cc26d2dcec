package dev.numbers.web.ops.page;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkupTest {

    @Test
    void everyValueIsEscapedUnlessItIsMarkupAlready() {
        Markup cell = Markup.html("<td>%s</td>", "<script>'x' & \"y\"</script>");
        assertEquals("<td>&lt;script&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/script&gt;</td>", cell.toString());
        assertEquals("<tr><td>&lt;script&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/script&gt;</td><em>7</em></tr>",
                Markup.html("<tr>%s%s</tr>", Markup.join(Stream.of(cell)), Markup.raw("<em>7</em>")).toString());
    }
}
