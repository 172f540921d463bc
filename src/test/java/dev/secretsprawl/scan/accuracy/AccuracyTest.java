package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.accuracy.Accuracy.Result;
import dev.secretsprawl.scan.accuracy.Corpus.CorpusFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the detector with the bundled rule pack over the planted corpus. Reports
 * locations, kinds, rule ids and previews only: never a planted or found value.
 */
class AccuracyTest {
    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.95;

    /** The rule folder measured: {@code rules/} unless {@code -Daccuracy.rules=DIR} names another one. */
    static final Path RULES = Path.of(System.getProperty("accuracy.rules", "rules"));

    private final Detector detector = new Detector(RuleLoader.fromDirectory(RULES), SecretHasher.defaultKey());

    @Test
    void shouldFindPlantedCredentialsWithHighPrecisionAndRecall() {
        List<CorpusFile> corpus = Corpus.load();
        // -Daccuracy.dump=DIR writes the filled corpus there (synthetic values only)
        Accuracy.dumpIfAsked(corpus, "accuracy.dump");
        Result result = Accuracy.measure(detector, corpus);

        System.out.println(Accuracy.report("Secret Sprawl accuracy corpus (seed " + Corpus.SEED + ", rules " + RULES + ")",
                result, MIN_PRECISION, MIN_RECALL));

        assertThat(result.plants()).as("plants in the corpus").isPositive();
        assertThat(result.precision()).as("precision = TP / (TP + FP) = %d / %d", result.tp(), result.tp() + result.fp())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(result.recall()).as("recall = found plants / plants = %d / %d", result.found(), result.plants())
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }
}
