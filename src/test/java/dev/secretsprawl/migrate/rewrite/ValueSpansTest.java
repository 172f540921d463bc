package dev.secretsprawl.migrate.rewrite;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSpansTest {
    private static final ValueSpans.Replacer BRACED = (text, start, end, spot) -> Edit.replace(start, end, "${" + spot.name() + "}");
    private final String value = RewriteCase.plant("password", "DB_PASSWORD").value();

    @Test
    void shouldSkipASpotWhoseTextChangedWithoutShowingTheValue() {
        String text = "A=1\r\nDB_PASSWORD=" + value + "\r\n";
        Spot spot = new Spot(2, 13, 2, 13 + value.length(), new Secret(value), "DB_PASSWORD", "DB_PASSWORD");
        String edited = text.replace(value, value.substring(1) + "x");

        ValueSpans.Applied applied = ValueSpans.apply(edited, List.of(spot), BRACED);

        assertThat(applied.text()).isEqualTo(edited);
        assertThat(applied.skipped()).singleElement().asString().contains("line 2, column 13")
                .doesNotContain(value).doesNotContain(value.substring(1));
    }

    @Test
    void shouldSkipASpotBeyondTheFile() {
        Spot spot = new Spot(9, 1, 9, 5, new Secret(value), "DB_PASSWORD", "");

        ValueSpans.Applied applied = ValueSpans.apply("A=1\n", List.of(spot), BRACED);

        assertThat(applied.placed()).isEmpty();
        assertThat(applied.skipped()).hasSize(1);
    }

    @Test
    void shouldApplyTheSameSpotReportedTwiceOnce() {
        String text = "DB_PASSWORD=" + value + "\n";
        Spot spot = new Spot(1, 13, 1, 13 + value.length(), new Secret(value), "DB_PASSWORD", "");

        ValueSpans.Applied applied = ValueSpans.apply(text, List.of(spot, spot), BRACED);

        assertThat(applied.text()).isEqualTo("DB_PASSWORD=${DB_PASSWORD}\n");
        assertThat(applied.skipped()).isEmpty();
    }

    @Test
    void shouldPlaceEachEditInTheNewText() {
        String text = value + " " + value + "\n";
        Spot first = new Spot(1, 1, 1, 1 + value.length(), new Secret(value), "A", "");
        Spot second = new Spot(1, value.length() + 2, 1, 2 * value.length() + 2, new Secret(value), "B", "");

        ValueSpans.Applied applied = ValueSpans.apply(text, List.of(second, first), BRACED);

        assertThat(applied.text()).isEqualTo("${A} ${B}\n");
        assertThat(applied.placed()).extracting(ValueSpans.Placed::offset).containsExactly(0, 5);
    }
}
