package dev.secretsprawl.scan;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorTest {
    private static final String RULES = """
            [[rules]]
            id = "gh"
            description = "GitHub PAT"
            regex = '''\\b(ghp_[A-Za-z0-9]{36})\\b'''
            secretGroup = 1
            keywords = ["ghp_"]
            checksum = "github-crc32"
            match = ["x"]
            nomatch = ["y"]

            [[rules]]
            id = "generic-password"
            description = "Password assignment"
            regex = '''(?i)(?:password|token)\\s*[:=]\\s*["']?([^\\s"']{8,})'''
            secretGroup = 1
            keywords = ["password", "token"]
            generic = true
            match = ["x"]
            nomatch = ["y"]

            [[rules]]
            id = "key-block"
            multiline = true
            description = "Private key"
            regex = '''-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\s]{16,}-----END PRIVATE KEY-----'''
            keywords = ["-----begin private key"]
            match = ["x"]
            nomatch = ["y"]

            [[rules]]
            id = "env-only"
            description = "Only in .env files"
            regex = '''SPECIAL=(\\w{10,})'''
            secretGroup = 1
            keywords = ["special="]
            path = '''\\.env$'''
            examplePath = "a.env"
            match = ["x"]
            nomatch = ["y"]
            """;
    private final Detector detector = new Detector(new RulePack(RuleLoader.parse(RULES, "test.toml")),
            SecretHasher.defaultKey());
    private final SyntheticCredentials tokens = new SyntheticCredentials(7);

    @Test
    void shouldReportLineAndColumnOfTheSecret() {
        String token = tokens.next("github-pat");
        List<Finding> findings = detector.detect(Fragment.of("first\nsecond\n  TOKEN_X=" + token + "\n", "a.txt"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("gh");
            assertThat(f.location()).isEqualTo(new Location("a.txt", 3, 11, 3, 51));
            assertThat(f.secret().reveal()).isEqualTo(token);
        });
    }

    @Test
    void shouldOffsetLinesByTheFragmentsFirstLine() {
        Fragment fragment = new Fragment("x\n" + tokens.next("github-pat"), "log.txt", 100, null);
        assertThat(detector.detect(fragment)).singleElement()
                .satisfies(f -> assertThat(f.location().startLine()).isEqualTo(101));
    }

    @Test
    void shouldSkipSingleLineRulesAndDecodersOnContextLinesButLetMultiLineRulesReadThem() {
        String contextToken = tokens.next("github-pat");
        String encodedContext = "data: " + java.util.Base64.getEncoder().encodeToString(tokens.next("github-pat").getBytes());
        String addedToken = tokens.next("github-pat");
        String body = tokens.base62(40);
        // lines 10-12 are context (unchanged), 13-15 were added: the key block starts in the context
        String text = "T=" + contextToken + "\n" + encodedContext + "\n-----BEGIN PRIVATE KEY-----\n"
                + body + "\n-----END PRIVATE KEY-----\nT=" + addedToken;
        Fragment fragment = new Fragment(text, "hunk.txt", 10, null, 13);

        List<Finding> findings = detector.detect(fragment);

        assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().startLine())
                .containsExactlyInAnyOrder("key-block@12", "gh@15");
        assertThat(fragment.reports(14)).isTrue();
        assertThat(fragment.reports(12)).isFalse();
        assertThat(detector.detect(new Fragment(text, "hunk.txt", 10, null)))
                .extracting(f -> f.ruleId() + "@" + f.location().startLine() + (f.decodedFrom() == null ? "" : "/" + f.decodedFrom()))
                .containsExactlyInAnyOrder("gh@10", "gh@11/base64", "key-block@12", "gh@15");
    }

    @Test
    void shouldFindBase64EncodedSecretsAtTheLineOfTheEncodedText() {
        String token = tokens.next("github-pat");
        String encoded = Base64.getEncoder().encodeToString(("token: " + token).getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = detector.detect(Fragment.of("a\nb\ndata: " + encoded + "\n", "secret.yaml"));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("gh");
        assertThat(findings.get(0).location().startLine()).isEqualTo(3);
        assertThat(findings.get(0).decodedFrom()).isEqualTo("base64");
        assertThat(findings.get(0).secret().reveal()).isEqualTo(token);
    }

    @Test
    void shouldKeepTheKeyInFrontOfABase64ValueSoGenericRulesStillApply() {
        String encoded = Base64.getEncoder().encodeToString("Zq7!pW3#kL9v".getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = detector.detect(Fragment.of("kind: Secret\ndata:\n  password: " + encoded, "s.yaml"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("generic-password");
            assertThat(f.secret().reveal()).isEqualTo("Zq7!pW3#kL9v");
            assertThat(f.location().startLine()).isEqualTo(3);
        });
    }

    @Test
    void shouldLetADecodedIssuerTokenReplaceAGenericMatchOfItsEncodedForm() {
        String token = tokens.next("github-pat");
        String encoded = Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        assertThat(detector.detect(Fragment.of("data:\n  token: " + encoded, "secret.yaml"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("gh");
                    assertThat(f.decodedFrom()).isEqualTo("base64");
                });
    }

    @Test
    void shouldFindSecretsThatOnlyAppearOnceUrlDecoded() {
        String encoded = URLEncoder.encode("password: Zq7!pW3#kL9v", StandardCharsets.UTF_8).replace("+", "%20");
        List<Finding> findings = detector.detect(Fragment.of("GET /hook?payload=" + encoded, "access.log"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.secret().reveal()).isEqualTo("Zq7!pW3#kL9v");
            assertThat(f.decodedFrom()).isEqualTo("url");
        });
    }

    @Test
    void shouldKeepAPercentEncodedValueWhenThePlainMatchAlreadyHoldsIt() {
        String encoded = URLEncoder.encode("Zq7@pW3:kL9v", StandardCharsets.UTF_8);
        assertThat(detector.detect(Fragment.of("password=" + encoded, "run.sh"))).singleElement()
                .satisfies(f -> assertThat(f.decodedFrom()).isNull());
    }

    @Test
    void shouldNotReportADecodedPieceOfAPlainSecret() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"token\":\"" + tokens.base62(12) + "\"}").getBytes(StandardCharsets.UTF_8));
        String value = header + ".eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5dGVz";
        assertThat(detector.detect(Fragment.of("token: " + value, "k.yaml"))).singleElement()
                .satisfies(f -> assertThat(f.secret().reveal()).isEqualTo(value));
    }

    @Test
    void shouldFindPrivateKeysInsideJsonStringsWithEscapedNewlines() {
        String body = tokens.base62(64);
        String json = "{\n  \"type\": \"x\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + body
                + "\\n-----END PRIVATE KEY-----\\n\"\n}";
        List<Finding> findings = detector.detect(Fragment.of(json, "sa.json"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("key-block");
            assertThat(f.location().startLine()).isEqualTo(3);
            assertThat(f.decodedFrom()).isEqualTo("escape");
        });
    }

    @Test
    void shouldReportAMultiLineSecretAtItsFirstLine() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + tokens.base62(64) + "\n" + tokens.base62(64)
                + "\n-----END PRIVATE KEY-----\n";
        List<Finding> findings = detector.detect(Fragment.of("# key\n\n" + pem, "id.pem"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().startLine()).isEqualTo(3);
            assertThat(f.location().endLine()).isEqualTo(6);
        });
    }

    @Test
    void shouldPreferTheIssuerSpecificRuleOverAGenericOneOnTheSameValue() {
        String token = tokens.next("github-pat");
        assertThat(detector.detect(Fragment.of("token = \"" + token + "\"", "a.py")))
                .extracting(Finding::ruleId).containsExactly("gh");
    }

    @Test
    void shouldReportAValueFoundByTwoSpecificRulesOnceUnderTheFirstRule() {
        String twice = RULES + """

                [[rules]]
                id = "gh-again"
                description = "Same token, described again"
                regex = '''(ghp_[A-Za-z0-9]{36})'''
                secretGroup = 1
                keywords = ["ghp_"]
                match = ["x"]
                nomatch = ["y"]
                """;
        Detector both = new Detector(new RulePack(RuleLoader.parse(twice, "t.toml")), SecretHasher.defaultKey());
        assertThat(both.detect(Fragment.of("T=" + tokens.next("github-pat"), "a.env")))
                .extracting(Finding::ruleId).containsExactly("gh");
    }

    @Test
    void shouldHonourALeadingWordBoundaryThatTheEngineChecksItself() {
        String token = tokens.next("github-pat");
        assertThat(detector.detect(Fragment.of("xghp_" + token.substring(4), "a.txt"))).isEmpty();
        assertThat(detector.detect(Fragment.of("xghp_" + token.substring(4) + " then " + token, "a.txt")))
                .singleElement().satisfies(f -> assertThat(f.location().startColumn()).isEqualTo(48));
    }

    @Test
    void shouldReportTwoSecretsOnAnEscapedLineAtTheirOwnColumns() {
        String first = tokens.next("github-pat");
        String second = tokens.next("github-pat");
        String line = "{\"a\": \"" + first + "\", \"b\": \"" + second + "\", \"note\": \"x\\ny\"}";
        assertThat(detector.detect(Fragment.of(line, "a.json"))).satisfiesExactly(
                f -> assertThat(f.location().startColumn()).isEqualTo(8),
                f -> assertThat(f.location().startColumn()).isEqualTo(line.indexOf(second) + 1))
                .allSatisfy(f -> assertThat(f.decodedFrom()).isNull());
    }

    @Test
    void shouldApplyALeadingWordBoundaryOnlyToTheFirstTopLevelAlternative() {
        String rules = """
                [[rules]]
                id = "alt"
                description = "two shapes"
                regex = '''\\bfoo[0-9]{6}|bar[0-9]{6}'''
                keywords = ["foo", "bar"]
                match = ["x"]
                nomatch = ["y"]
                """;
        Detector alt = new Detector(new RulePack(RuleLoader.parse(rules, "t.toml")), SecretHasher.defaultKey());
        assertThat(alt.detect(Fragment.of("xbar123456", "a.txt"))).hasSize(1);
        assertThat(alt.detect(Fragment.of("xfoo123456", "a.txt"))).isEmpty();
        assertThat(CompiledRule.topLevelAlternation("\\b(a|b)[|]c")).isFalse();
    }

    @Test
    void shouldRejectTokensWithABadChecksum() {
        String token = tokens.next("github-pat");
        String broken = token.substring(0, 39) + (token.charAt(39) == 'A' ? 'B' : 'A');
        assertThat(detector.detect(Fragment.of(broken, "a.txt"))).isEmpty();
    }

    @Test
    void shouldApplyPathLimitedRulesOnlyToMatchingPaths() {
        assertThat(detector.detect(Fragment.of("SPECIAL=q8ZmY2vLx0Rk", "config/.env"))).hasSize(1);
        assertThat(detector.detect(Fragment.of("SPECIAL=q8ZmY2vLx0Rk", "config/app.py"))).isEmpty();
    }

    @Test
    void shouldReportOneFindingPerRuleValueAndLine() {
        String token = tokens.next("github-pat");
        assertThat(detector.detect(Fragment.of(token + " " + token, "a.txt"))).hasSize(1);
        assertThat(detector.detect(Fragment.of(token + "\n" + token, "a.txt"))).hasSize(2);
    }

    @Test
    void shouldGiveEqualValuesTheSameSecretHashAcrossFiles() {
        String token = tokens.next("github-pat");
        Finding a = detector.detect(Fragment.of(token, "a.txt")).get(0);
        Finding b = detector.detect(Fragment.of("x = " + token, "b.txt")).get(0);
        assertThat(a.secretHash()).isEqualTo(b.secretHash());
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    @Test
    void shouldNotCrashOnEmptyOrHostileText() {
        assertThat(detector.detect(Fragment.of("", "empty"))).isEmpty();
        String hostile = "password=" + "a".repeat(200_000) + "\n" + "%".repeat(10_000) + "\\u" + "=".repeat(5000);
        assertThat(detector.detect(Fragment.of(hostile, "hostile"))).isEmpty();
    }
}
