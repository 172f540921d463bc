package dev.secretsprawl.migrate.rewrite;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shell quoting around a value, written with V where the value goes: the result must keep the command's meaning. */
class ShellRewriterTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "TOKEN=V                        | TOKEN=\"$T\"",
            "TOKEN='V'                      | TOKEN=\"$T\"",
            "TOKEN=\"V\"                    | TOKEN=\"$T\"",
            "curl -u deploy:V https://x     | curl -u deploy:\"$T\" https://x",
            "curl -u 'deploy:V' https://x   | curl -u 'deploy:'\"$T\" https://x",
            "curl -u 'V:x' https://x        | curl -u \"$T\"':x' https://x",
            "echo \"V_suffix\"              | echo \"${T}_suffix\"",
            "echo \"it's V\"                | echo \"it's $T\""})
    void shouldKeepTheCommandsMeaning(String line, String expected) {
        String value = RewriteCase.plant("password", "T").value();
        String text = line.strip().replace("V", value) + "\n";
        int column = text.indexOf(value) + 1;
        Spot spot = new Spot(1, column, 1, column + value.length(), new Secret(value), "T", "");

        Rewrite rewrite = new ShellRewriter().rewrite(text, List.of(spot));

        assertThat(rewrite.text()).isEqualTo(expected.strip() + "\n");
    }
}
