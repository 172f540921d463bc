package dev.secretsprawl.migrate;

import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyVerdictTest {
    private static Credential at(String path) {
        return new Credential("generic", "r", new Secret("x"), new Secret(""), path);
    }

    private static Verification judge(Map<String, Verification> answers) throws Exception {
        List<Credential> places = answers.keySet().stream().sorted().map(LegacyVerdictTest::at).toList();
        return LegacyVerdict.judge(places, "h", (c, h) -> answers.get(c.path()));
    }

    @Test
    void shouldCallTheValueLiveWhenAnyPlaceIsAccepted() throws Exception {
        assertThat(judge(Map.of("a", Verification.dead("refused"), "b", Verification.live("app@db"))).status())
                .isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldLetThePlaceThatNamesItsHostSpeakForTheValue() throws Exception {
        assertThat(judge(Map.of("a", Verification.unknown("no host written"), "b", Verification.dead("refused"))).status())
                .isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldStayUnknownWhenNoPlaceCanTell() throws Exception {
        assertThat(judge(Map.of("a", Verification.unknown("no host written"))).detail()).isEqualTo("no host written");
        assertThat(LegacyVerdict.judge(List.of(), "h", (c, h) -> Verification.live("")).status())
                .isEqualTo(Verification.Status.UNKNOWN);
    }
}
