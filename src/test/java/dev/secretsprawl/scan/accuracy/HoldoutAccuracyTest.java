package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.accuracy.Accuracy.Result;
import dev.secretsprawl.scan.accuracy.Corpus.CorpusFile;
import dev.secretsprawl.scan.accuracy.Corpus.Plant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall over the held-out corpus ({@code src/test/resources/corpus-holdout/}): files written
 * as another organisation's repositories would look, which no rule is tuned against. Its goals are a
 * regression guard, deliberately looser than the tuned corpus's. A drop here means the rules fit the tuned
 * corpus rather than real repositories: fix the rule for the family, never the held-out file.
 */
class HoldoutAccuracyTest {
    static final double MIN_PRECISION = 0.90;
    static final double MIN_RECALL = 0.85;

    private final Detector detector = new Detector(RuleLoader.fromDirectory(AccuracyTest.RULES), SecretHasher.defaultKey());
    private final List<CorpusFile> corpus = Corpus.loadHoldout();

    @Test
    void shouldFindHeldOutPlantsWithPrecisionAndRecallAboveTheGuard() {
        // -Daccuracy.holdout.dump=DIR writes the filled held-out corpus there (synthetic values only)
        Accuracy.dumpIfAsked(corpus, "accuracy.holdout.dump");
        Result result = Accuracy.measure(detector, corpus);

        System.out.println(Accuracy.report("Secret Sprawl held-out corpus (seed " + Corpus.HOLDOUT_SEED + ", rules "
                + AccuracyTest.RULES + ")", result, MIN_PRECISION, MIN_RECALL));

        assertThat(result.plants()).as("plants in the held-out corpus").isPositive();
        assertThat(result.precision()).as("held-out precision = TP / (TP + FP) = %d / %d", result.tp(), result.tp() + result.fp())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(result.recall()).as("held-out recall = found plants / plants = %d / %d", result.found(), result.plants())
                .isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void shouldPlantAtLeast120CredentialsAcross25Files() {
        List<Plant> plants = corpus.stream().flatMap(f -> f.plants().stream()).toList();
        long filesWithPlants = corpus.stream().filter(f -> !f.plants().isEmpty()).count();

        assertThat(plants).hasSizeGreaterThanOrEqualTo(120);
        assertThat(filesWithPlants).isGreaterThanOrEqualTo(25);
    }

    @Test
    void shouldHoldAtLeast120DecoyLinesAndAtLeastAsManyAsPlants() {
        long plants = corpus.stream().mapToLong(f -> f.plants().size()).sum();
        long decoys = corpus.stream()
                .flatMap(f -> f.template().lines())
                .filter(line -> !Corpus.MARKER.matcher(line).find() && CorpusTest.DECOY_WORD.matcher(line).find())
                .count();

        assertThat(decoys).isGreaterThanOrEqualTo(120).isGreaterThanOrEqualTo(plants);
    }

    @Test
    void shouldFillTheHeldOutCorpusFromItsOwnSeed() {
        List<String> again = Corpus.loadHoldout().stream().map(CorpusFile::text).toList();

        assertThat(corpus.stream().map(CorpusFile::text).toList()).isEqualTo(again);
        assertThat(Corpus.HOLDOUT_SEED).isNotEqualTo(Corpus.SEED);
    }
}
