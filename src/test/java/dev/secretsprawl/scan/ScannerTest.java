package dev.secretsprawl.scan;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScannerTest {
    private final Detector detector = new Detector(RuleLoader.fromDirectory(Path.of("rules")), SecretHasher.defaultKey());
    private final SyntheticCredentials tokens = new SyntheticCredentials(1);

    @Test
    void shouldScanManyFragmentsInParallelAndOrderFindingsByPathAndLine() throws IOException {
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fragments.add(Fragment.of("x\n".repeat(i % 7) + "T=" + tokens.next("github-pat"), String.format("f%03d.env", 199 - i)));
        }
        ScanResult result = new Scanner(detector, Suppressions.none(), 4).scan(source(fragments), ProgressListener.NONE);
        assertThat(result.findings()).hasSize(200);
        assertThat(result.findings().get(0).location().path()).isEqualTo("f000.env");
        assertThat(result.stats().fragments()).isEqualTo(200);
    }

    @Test
    void shouldCountSkipsOnceAndSeparateSuppressedFindings() throws IOException {
        String known = tokens.next("github-pat");
        Fragment a = Fragment.of("T=" + known, "a.env");
        String fingerprint = detector.detect(a).get(0).fingerprint().value();
        Source source = new Source() {
            @Override
            public void run(FragmentSink sink) {
                sink.accept(a);
                sink.accept(Fragment.of("T=" + tokens.next("github-pat"), "b.env"));
                sink.skipped("binary", "x.png", null);
                sink.skipped("binary", "y.png", null);
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        ScanResult result = new Scanner(detector, new Suppressions(Set.of(fingerprint), List.of(), java.time.LocalDate.now()))
                .scan(source, ProgressListener.NONE);
        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly("b.env");
        assertThat(result.suppressed()).extracting(f -> f.location().path()).containsExactly("a.env");
        assertThat(result.warnings()).extracting(ScanWarning::message).containsExactly("skipped 2 binary files");
    }

    @Test
    void shouldCountAFragmentThatFailsEvenWithAnErrorAndMarkTheResultIncomplete() throws IOException {
        Detector failing = new Detector(RuleLoader.fromDirectory(Path.of("rules")), SecretHasher.defaultKey()) ;
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fragments.add(Fragment.of("T=" + tokens.next("github-pat"), "f" + i + ".env"));
        }
        Source source = new Source() {
            @Override
            public void run(FragmentSink sink) {
                fragments.forEach(sink::accept);
                sink.accept(new Fragment(null, "huge.log", 1, null));   // detection throws on this one
                fragments.forEach(sink::accept);
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        ScanResult result = new Scanner(failing, Suppressions.none(), 2).scan(source, ProgressListener.NONE);
        assertThat(result.incomplete()).isTrue();
        assertThat(result.findings()).hasSize(100);
        assertThat(result.warnings()).extracting(ScanWarning::message)
                .anyMatch(m -> m.startsWith("could not scan huge.log (NullPointerException)"));
    }

    private static Source source(List<Fragment> fragments) {
        return new Source() {
            @Override
            public void run(FragmentSink sink) {
                fragments.forEach(sink::accept);
            }

            @Override
            public String describe() {
                return "test";
            }
        };
    }
}
