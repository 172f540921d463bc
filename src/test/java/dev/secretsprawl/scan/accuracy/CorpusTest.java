package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.testing.SyntheticCredentials;

import dev.secretsprawl.scan.Checksums;
import dev.secretsprawl.scan.accuracy.Corpus.CorpusFile;
import dev.secretsprawl.scan.accuracy.Corpus.Plant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus is only worth its figures if it is big, varied and full of decoys. */
class CorpusTest {
    /** Words that make a line look like it could hold a credential. */
    static final Pattern DECOY_WORD = Pattern.compile(
            "(?i)passw|pwd|secret|token|api[_-]?key|\\bkey\\b|[_.-]key|key[_.-]|auth|credential|private|"
                    + "sha256|sha512|integrity|\\bh1:|BEGIN ");

    private final List<CorpusFile> corpus = Corpus.load();

    @Test
    void shouldPlantAtLeast150CredentialsAcross25Files() {
        List<Plant> plants = plants();
        long filesWithPlants = corpus.stream().filter(f -> !f.plants().isEmpty()).count();

        assertThat(plants).hasSizeGreaterThanOrEqualTo(150);
        assertThat(filesWithPlants).isGreaterThanOrEqualTo(25);
    }

    @Test
    void shouldCoverAtLeast40KindsAndManyFileTypes() {
        Set<String> kinds = plants().stream().map(Plant::kind).collect(Collectors.toSet());
        Set<String> kindBySyntax = plants().stream().map(p -> p.label() + " in " + fileType(p.file()))
                .collect(Collectors.toSet());
        Set<String> fileTypes = corpus.stream().map(f -> fileType(f.path())).collect(Collectors.toSet());

        assertThat(kinds).hasSizeGreaterThanOrEqualTo(40);
        assertThat(kindBySyntax).hasSizeGreaterThanOrEqualTo(120);
        assertThat(fileTypes).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldPlantEveryGeneratedKindSeveralTimesInDifferentFiles() {
        Map<String, Set<String>> filesByKind = plants().stream()
                .collect(Collectors.groupingBy(Plant::kind, Collectors.mapping(Plant::file, Collectors.toSet())));

        for (String kind : new SyntheticCredentials(Corpus.SEED).kinds()) {
            assertThat(filesByKind.getOrDefault(kind, Set.of()))
                    .as("files planting kind %s", kind)
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void shouldHoldAtLeast150DecoyLinesAndAtLeastAsManyAsPlants() {
        long decoys = corpus.stream()
                .flatMap(f -> f.template().lines())
                .filter(line -> !Corpus.MARKER.matcher(line).find() && DECOY_WORD.matcher(line).find())
                .count();

        assertThat(decoys).isGreaterThanOrEqualTo(150).isGreaterThanOrEqualTo(plants().size());
    }

    @Test
    void shouldGenerateTheSameCorpusForTheSameSeed() {
        List<String> first = Corpus.load().stream().map(CorpusFile::text).toList();
        List<String> second = Corpus.load().stream().map(CorpusFile::text).toList();

        assertThat(first).isEqualTo(second);
    }

    @Test
    void shouldGenerateTokensWithValidIssuerChecksums() {
        SyntheticCredentials credentials = new SyntheticCredentials(7);
        for (String kind : List.of("github-pat", "github-oauth", "github-app-token")) {
            assertThat(Checksums.valid("github-crc32", credentials.next(kind))).as(kind).isTrue();
        }
        assertThat(Checksums.valid("npm-crc32", credentials.next("npm"))).isTrue();
        assertThat(credentials.next("aws-key-id")).matches("AKIA[A-Z2-7]{16}");
        assertThat(credentials.next("rsa-private-key")).startsWith("-----BEGIN PRIVATE KEY-----\nMII");
        assertThat(credentials.next("jwt")).matches("eyJ[\\w-]+\\.eyJ[\\w-]+\\.[\\w-]+");
        assertThat(credentials.next("password")).matches("[A-Za-z0-9][^'\"`\\s]{11,19}");
    }

    private List<Plant> plants() {
        return corpus.stream().flatMap(f -> f.plants().stream()).toList();
    }

    /** The kind of file as a scanner sees it: a well-known name, or the extension. */
    static String fileType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.contains(".github/workflows/")) {
            return "github-workflow";
        }
        if (name.startsWith(".") || WELL_KNOWN.contains(name)) {
            return name;
        }
        for (String prefix : List.of("Dockerfile", "Jenkinsfile", "docker-compose")) {
            if (name.startsWith(prefix)) {
                return prefix;
            }
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static final Set<String> WELL_KNOWN = Set.of("values.yaml", "settings.xml", "config.json", "kubeconfig",
            "application.yml", "application.properties", "package-lock.json", "yarn.lock", "go.sum");
}
