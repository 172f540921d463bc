package dev.secretsprawl.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A Jenkins instance as its REST API answers, served by WireMock on 127.0.0.1: folders, multibranch
 * projects and organisation folders listed in pages with the tree range syntax, job config.xml, build
 * lists and console text, the crumb issuer with its session cookie, and Jenkins' status codes for a
 * wrong login (401), anonymous access (403), missing permissions (403) and vanished items (404).
 * Items are declared first, then {@link #publish()} turns them into stubs.
 */
public final class FakeJenkins implements AutoCloseable {
    public static final String USER = "sprawl-bot";
    public static final String FOLDER = "com.cloudbees.hudson.plugins.folder.Folder";
    public static final String MULTIBRANCH = "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject";
    public static final String ORGANIZATION = "jenkins.branch.OrganizationFolder";
    public static final String FREESTYLE = "hudson.model.FreeStyleProject";
    public static final String PIPELINE = "org.jenkinsci.plugins.workflow.job.WorkflowJob";
    public static final String CRUMB_FIELD = "Jenkins-Crumb";
    public static final String SESSION_COOKIE = "JSESSIONID.5f3c2a1b";
    private static final int PAGE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String token;
    public final String crumb;
    public final String session;
    public final WireMockServer server;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private int builds = 5;

    private record Item(String cls, List<String> children, String config, Map<Integer, String> consoles) {
    }

    public FakeJenkins(SyntheticCredentials credentials) {
        this.token = credentials.next("jenkins-api-token");
        this.crumb = credentials.next("hex40") + credentials.next("hex32").substring(0, 24);
        this.session = "node0" + credentials.base62(20).toLowerCase() + ".node0";
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        items.put("", new Item("hudson.model.Hudson", new ArrayList<>(), null, Map.of()));
    }

    /** The root URL, as a user would pass it to --url. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** How many builds the scan asks for ({@code builds[number,url]{0,N}}). */
    public FakeJenkins builds(int n) {
        builds = n;
        return this;
    }

    /** A folder, multibranch project or organisation folder; its children are declared after it. */
    public FakeJenkins folder(String fullName, String cls, String config) {
        return add(fullName, new Item(cls, new ArrayList<>(), config, Map.of()));
    }

    /** A job with its config.xml and console texts by build number (newest first, as Jenkins lists them). */
    public FakeJenkins job(String fullName, String cls, String config, Map<Integer, String> consoles) {
        return add(fullName, new Item(cls, List.of(), config, consoles));
    }

    private FakeJenkins add(String fullName, Item item) {
        int slash = fullName.lastIndexOf('/');
        items.get(slash < 0 ? "" : fullName.substring(0, slash)).children().add(fullName);
        items.put(fullName, item);
        return this;
    }

    /** Turns the declared items into stubs; call once, before {@link #forbidConfig} and the like. */
    public FakeJenkins publish() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + token).getBytes(StandardCharsets.UTF_8));
        // Jenkins answers a wrong API token with 401, anonymous access to a private instance with 403
        server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", not(equalTo(basic)))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"Jenkins\"")
                        .withHeader("Content-Type", "text/html;charset=utf-8")
                        .withBody("<html><body><h2>HTTP ERROR 401 Invalid password/token for user: " + USER + "</h2></body></html>")));
        server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(403).withHeader("X-You-Are-Authenticated-As", "anonymous")
                        .withBody("<html><body>Authentication required</body></html>")));
        server.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json")).willReturn(json(object("hudson.security.csrf.DefaultCrumbIssuer")
                        .put("crumb", crumb).put("crumbRequestField", CRUMB_FIELD))
                .withHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly")));
        items.forEach(this::stub);
        return this;
    }

    private void stub(String fullName, Item item) {
        String path = "/" + pathOf(fullName);
        server.stubFor(get(urlPathEqualTo(path + "api/json")).withQueryParam("tree", equalTo("_class"))
                .willReturn(json(object(item.cls()))));
        if (!fullName.isEmpty()) {
            server.stubFor(get(urlPathEqualTo(path + "config.xml")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/xml").withBody(item.config())));
        }
        if (!item.consoles().isEmpty() || item.children().isEmpty() && !isFolder(item.cls())) {
            stubBuilds(path, item);
            return;
        }
        for (int from = 0; from == 0 || from <= item.children().size(); from += PAGE) {
            ArrayNode jobs = JSON.createArrayNode();
            for (String child : item.children().subList(from, Math.min(from + PAGE, item.children().size()))) {
                jobs.add(entry(child));
            }
            ObjectNode answer = object(item.cls());
            answer.set("jobs", jobs);
            server.stubFor(get(urlPathEqualTo(path + "api/json"))
                    .withQueryParam("tree", equalTo("jobs[name,url,_class,jobs[name]{0,1}]{" + from + "," + (from + PAGE) + "}"))
                    .willReturn(json(answer)));
        }
    }

    /** A listing entry; a folder-like child shows its first child, as {@code jobs[name]{0,1}} asks. */
    private ObjectNode entry(String fullName) {
        Item item = items.get(fullName);
        ObjectNode e = object(item.cls()).put("name", nameOf(fullName)).put("url", url() + pathOf(fullName));
        if (isFolder(item.cls())) {
            ArrayNode first = e.putArray("jobs");
            item.children().stream().limit(1).forEach(c -> first.add(object(items.get(c).cls()).put("name", nameOf(c))));
        }
        return e;
    }

    private void stubBuilds(String path, Item item) {
        ArrayNode list = JSON.createArrayNode();
        String buildClass = item.cls().equals(FREESTYLE) ? "hudson.model.FreeStyleBuild" : "org.jenkinsci.plugins.workflow.job.WorkflowRun";
        item.consoles().keySet().stream().limit(builds).forEach(n -> list.add(object(buildClass).put("number", n)
                .put("url", url() + path.substring(1) + n + "/")));
        ObjectNode answer = object(item.cls());
        answer.set("builds", list);
        server.stubFor(get(urlPathEqualTo(path + "api/json")).withQueryParam("tree", equalTo("builds[number,url]{0," + builds + "}"))
                .willReturn(json(answer)));
        item.consoles().forEach((n, text) -> server.stubFor(get(urlPathEqualTo(path + n + "/consoleText"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8").withBody(text))));
    }

    /** The login lacks Job/ExtendedRead on this job: its config.xml answers 403. */
    public FakeJenkins forbidConfig(String fullName) {
        server.stubFor(get(urlPathEqualTo("/" + pathOf(fullName) + "config.xml")).atPriority(2)
                .willReturn(aResponse().withStatus(403).withBody("<html><body>" + USER
                        + " is missing the Job/ExtendedRead permission</body></html>")));
        return this;
    }

    /** The build was deleted after it was listed: its console answers 404. */
    public FakeJenkins deleteBuild(String fullName, int build) {
        server.stubFor(get(urlPathEqualTo("/" + pathOf(fullName) + build + "/consoleText")).atPriority(2)
                .willReturn(aResponse().withStatus(404).withBody("<html><body>Not Found</body></html>")));
        return this;
    }

    /** A proxy in front of Jenkins answers 429 once, asking to wait {@code retryAfterSeconds}. */
    public FakeJenkins throttleOnce(String fullName, int build, int retryAfterSeconds) {
        String url = "/" + pathOf(fullName) + build + "/consoleText";
        MappingBuilder first = get(urlPathEqualTo(url)).atPriority(2).inScenario("throttle " + url)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served");
        server.stubFor(first.willReturn(aResponse().withStatus(429).withHeader("Retry-After", Integer.toString(retryAfterSeconds))));
        return this;
    }

    /** Every request received, in order. */
    public List<LoggedRequest> requests() {
        return server.findAll(getRequestedFor(anyUrl()));
    }

    /** {@code job/a/job/b/}; names are encoded as Jenkins encodes them in URLs ({@code %2F} becomes {@code %252F}). */
    public static String pathOf(String fullName) {
        StringBuilder out = new StringBuilder();
        if (!fullName.isEmpty()) {
            for (String name : fullName.split("/")) {
                out.append("job/").append(name.replace("%", "%25")).append('/');
            }
        }
        return out.toString();
    }

    private static String nameOf(String fullName) {
        return fullName.substring(fullName.lastIndexOf('/') + 1);
    }

    private static boolean isFolder(String cls) {
        return cls.equals(FOLDER) || cls.equals(MULTIBRANCH) || cls.equals(ORGANIZATION) || cls.equals("hudson.model.Hudson");
    }

    private static ObjectNode object(String cls) {
        return JSON.createObjectNode().put("_class", cls);
    }

    private static ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body.toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
