package dev.secretsprawl.source.jenkins;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.secretsprawl.scan.ConfigException;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.source.Shard;
import dev.secretsprawl.testing.FakeJenkins;
import dev.secretsprawl.testing.JenkinsEstate;
import dev.secretsprawl.testing.RecordingSink;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JenkinsInstanceSourceTest {
    private JenkinsEstate estate;
    private FakeJenkins jenkins;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        estate = new JenkinsEstate(new SyntheticCredentials(41), 7);
        jenkins = estate.jenkins;
    }

    @AfterEach
    void stop() {
        jenkins.close();
    }

    private JenkinsHttp http(String token) {
        return new JenkinsHttp(JenkinsHttp.parseBase(jenkins.url()), new JenkinsHttp.Login(FakeJenkins.USER, token.toCharArray()),
                Duration.ofSeconds(10), 3, waits::add);
    }

    private RecordingSink scan(JenkinsScanOptions options) throws Exception {
        RecordingSink sink = new RecordingSink();
        new JenkinsInstanceSource(http(jenkins.token), options).run(sink);
        return sink;
    }

    private static JenkinsScanOptions options(Shard shard) {
        return new JenkinsScanOptions(5, null, shard, 1024 * 1024, 3);
    }

    private Fragment fragment(RecordingSink sink, String path) {
        return sink.fragments.stream().filter(f -> f.path().equals(jenkins.url() + path)).findFirst().orElseThrow(
                () -> new AssertionError("no fragment for " + path + " in " + sink.fragments.stream().map(Fragment::path).toList()));
    }

    @Test
    void shouldReadEveryJobsConfigAndConsolesThroughFoldersMultibranchAndOrganisationFolders() throws Exception {
        RecordingSink sink = scan(options(Shard.ALL));

        Set<String> paths = sink.fragments.stream().map(f -> f.path().substring(jenkins.url().length())).collect(Collectors.toSet());
        assertThat(paths).contains("job/team/config.xml", "job/team/job/deploy/config.xml", "job/deploy-prod/config.xml",
                "job/deploy-prod/12/consoleText", "job/nightly/42/consoleText", "job/nightly/41/consoleText",
                "job/webapp/config.xml", "job/webapp/job/main/config.xml", "job/webapp/job/main/19/consoleText",
                "job/webapp/job/feature%252Flogin/config.xml", "job/webapp/job/feature%252Flogin/7/consoleText",
                "job/acme-org/config.xml", "job/acme-org/job/payments/config.xml",
                "job/acme-org/job/payments/job/main/config.xml", "job/acme-org/job/payments/job/main/3/consoleText",
                "job/svc-000/config.xml", "job/svc-096/config.xml");
        estate.planted.forEach((key, value) -> assertThat(fragment(sink, key).text()).contains(value));
    }

    @Test
    void shouldCarryTheJobBuildAndUrlOnEachFragment() throws Exception {
        RecordingSink sink = scan(options(Shard.ALL));

        Fragment config = fragment(sink, "job/deploy-prod/config.xml");
        assertThat(config.firstLine()).isEqualTo(1);
        assertThat(config.properties()).isEqualTo(Map.of("job", "deploy-prod", "url", jenkins.url() + "job/deploy-prod/"));
        Fragment console = fragment(sink, "job/webapp/job/feature%252Flogin/7/consoleText");
        assertThat(console.properties()).isEqualTo(Map.of("job", "webapp/feature%2Flogin", "build", "7",
                "url", jenkins.url() + "job/webapp/job/feature%252Flogin/7/",
                "jobConsole", jenkins.url() + "job/webapp/job/feature%252Flogin/consoleText"));
    }

    @Test
    void shouldListTheRootInTwoPages() throws Exception {
        scan(options(Shard.ALL));

        List<String> trees = jenkins.requests().stream().filter(r -> r.getUrl().startsWith("/api/json?"))
                .map(r -> r.queryParameter("tree").firstValue()).toList();
        assertThat(trees).containsExactlyInAnyOrder("_class", "jobs[name,url,_class,jobs[name]{0,1}]{0,100}",
                "jobs[name,url,_class,jobs[name]{0,1}]{100,200}");
        long fillers = jenkins.requests().stream().filter(r -> r.getUrl().matches("/job/svc-\\d{3}/config.xml")).count();
        assertThat(fillers).isEqualTo(JenkinsEstate.FILLER_JOBS);
    }

    @Test
    void shouldSendBasicAuthTheCrumbAndTheSessionCookieOnEveryRequest() throws Exception {
        scan(options(Shard.ALL));

        String basic = "Basic " + Base64.getEncoder().encodeToString((FakeJenkins.USER + ":" + jenkins.token)
                .getBytes(StandardCharsets.UTF_8));
        List<LoggedRequest> requests = jenkins.requests();
        assertThat(requests.get(0).getUrl()).isEqualTo("/crumbIssuer/api/json");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(basic));
        assertThat(requests.subList(1, requests.size())).allSatisfy(r -> {
            assertThat(r.getHeader(FakeJenkins.CRUMB_FIELD)).as(r.getUrl()).isEqualTo(jenkins.crumb);
            assertThat(r.getCookies().get(FakeJenkins.SESSION_COOKIE).getValue()).as(r.getUrl()).isEqualTo(jenkins.session);
        });
    }

    @Test
    void shouldSkipAForbiddenConfigAndADeletedBuildWithWarningsAndScanTheRest() throws Exception {
        RecordingSink sink = scan(options(Shard.ALL));

        assertThat(sink.skipped).isEqualTo(Map.of("forbidden", 1, "not-found", 1));
        assertThat(sink.skipDetails).anySatisfy(d -> assertThat(d).contains(jenkins.url() + "job/nightly/config.xml")
                .contains("403").contains("Job/ExtendedRead"));
        assertThat(sink.skipDetails).anySatisfy(d -> assertThat(d).contains(jenkins.url() + "job/deploy-prod/11/consoleText")
                .contains("404"));
        assertThat(fragment(sink, "job/nightly/42/consoleText").text()).contains(estate.planted.get("job/nightly/42/consoleText"));
    }

    @Test
    void shouldRetryAThrottledConsoleAfterTheWaitJenkinsAskedFor() throws Exception {
        RecordingSink sink = scan(options(Shard.ALL));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(fragment(sink, "job/nightly/41/consoleText").text()).contains(estate.planted.get("job/nightly/41/consoleText"));
    }

    @Test
    void shouldCountAFolderThatFailsAsAScanErrorAndWalkTheOthers() throws Exception {
        jenkins.server.stubFor(get(urlPathEqualTo("/job/team/api/json")).atPriority(2)
                .willReturn(aResponse().withStatus(500).withBody("<html>java.lang.NullPointerException</html>")));
        RecordingSink sink = scan(options(Shard.ALL));

        assertThat(sink.skipped).containsEntry("scan-error", 1);
        assertThat(sink.skipDetails).anySatisfy(d -> assertThat(d).contains(jenkins.url() + "job/team/").contains("HTTP 500"));
        assertThat(fragment(sink, "job/acme-org/job/payments/job/main/3/consoleText")).isNotNull();
    }

    @Test
    void shouldStopWithAClearMessageWhenTheTokenIsWrong() {
        String wrong = new SyntheticCredentials(99).next("jenkins-api-token");
        JenkinsInstanceSource source = new JenkinsInstanceSource(http(wrong), options(Shard.ALL));

        assertThatThrownBy(source::connect).isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining(jenkins.url())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(jenkins.token));
        assertThat(jenkins.requests()).hasSize(1);
    }

    @Test
    void shouldSayWhatIsMissingWhenAnonymousMayNotRead() {
        JenkinsHttp anonymous = new JenkinsHttp(JenkinsHttp.parseBase(jenkins.url()), null, Duration.ofSeconds(10), 0, waits::add);
        assertThatThrownBy(() -> new JenkinsInstanceSource(anonymous, options(Shard.ALL)).connect())
                .isInstanceOf(ConfigException.class).hasMessageContaining("Overall/Read");
    }

    @Test
    void shouldSplitJobsBetweenShardsByFullNameWithNoneTwice() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            all.addAll(scan(options(new Shard(i, 3))).fragments.stream().map(Fragment::path).toList());
        }
        List<String> once = scan(options(Shard.ALL)).fragments.stream().map(Fragment::path).toList();
        assertThat(all).hasSameSizeAs(once).containsExactlyInAnyOrderElementsOf(once);
    }

    @Test
    void shouldStartAtAFolderWhenAsked() throws Exception {
        RecordingSink sink = scan(new JenkinsScanOptions(5, "acme-org/", Shard.ALL, 1024 * 1024, 2));

        assertThat(sink.fragments).extracting(f -> f.path().substring(jenkins.url().length())).containsExactlyInAnyOrder(
                "job/acme-org/job/payments/config.xml", "job/acme-org/job/payments/job/main/config.xml",
                "job/acme-org/job/payments/job/main/3/consoleText");
    }

    @Test
    void shouldRefuseAFolderThatIsNotThere() {
        JenkinsInstanceSource source = new JenkinsInstanceSource(http(jenkins.token),
                new JenkinsScanOptions(5, "no/such", Shard.ALL, 1024 * 1024, 2));
        assertThatThrownBy(source::connect).isInstanceOf(ConfigException.class).hasMessageContaining("'no/such'");
    }

    @Test
    void shouldReadOnlyConfigurationsWithZeroBuilds() throws Exception {
        jenkins.close();
        estate = new JenkinsEstate(new SyntheticCredentials(41), 7);
        jenkins = estate.jenkins;
        RecordingSink sink = scan(new JenkinsScanOptions(0, null, Shard.ALL, 1024 * 1024, 2));

        assertThat(sink.fragments).allSatisfy(f -> assertThat(f.path()).endsWith("/config.xml"));
        assertThat(jenkins.requests()).noneSatisfy(r -> assertThat(r.getUrl()).contains("builds"));
    }

    @Test
    void shouldCountConfigsOverTheSizeLimit() throws Exception {
        RecordingSink sink = scan(new JenkinsScanOptions(0, "team", Shard.ALL, 100, 1));
        assertThat(sink.skipped).containsEntry("oversized", 1);
        assertThat(sink.fragments).isEmpty();
    }

    @Test
    void shouldRefuseUrlsWithCredentialsWithoutRepeatingThem() {
        String password = new SyntheticCredentials(8).next("password");
        assertThatThrownBy(() -> JenkinsHttp.parseBase("https://admin:" + password + "@jenkins.example.com/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://jenkins.example.com/")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password).doesNotContain("admin"));
        String special = new SyntheticCredentials(9).next("password-special");
        assertThatThrownBy(() -> JenkinsHttp.parseBase("https://admin:" + special + "@jenkins.example.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(special).doesNotContain("admin"));
        assertThatThrownBy(() -> JenkinsHttp.parseBase("admin:" + special + "@jenkins.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(special).doesNotContain("admin"));
        assertThat(JenkinsHttp.parseBase("https://ci.example.com/jenkins")).isEqualTo(URI.create("https://ci.example.com/jenkins/"));
        assertThatThrownBy(() -> JenkinsHttp.parseBase("jenkins.example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverShowTheTokenInALogin() {
        JenkinsHttp.Login login = new JenkinsHttp.Login("bot", jenkins.token.toCharArray());
        assertThat(login.toString()).contains("bot").doesNotContain(jenkins.token);
    }
}
