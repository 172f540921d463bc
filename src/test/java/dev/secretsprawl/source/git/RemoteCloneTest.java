package dev.secretsprawl.source.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.TestRepo;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clones over real HTTP from a server on 127.0.0.1 that serves a repository the way git's "dumb" HTTP
 * protocol reads it (info/refs and object files) behind Basic authentication, like a private repository.
 */
class RemoteCloneTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private String token;
    private String url;
    private ObjectId head;

    @BeforeEach
    void serve() throws Exception {
        token = new SyntheticCredentials(5).next("github-pat");
        Path gitDir;
        try (TestRepo repo = TestRepo.init(dir.resolve("origin"))) {
            repo.write("app.env", "X=1\n").commit("one");
            head = repo.write("app.env", "X=2\n").commit("two");
            repo.branch("feature").write("f.txt", "f\n").commit("feature");
            gitDir = repo.git().getRepository().getDirectory().toPath();
            writeInfoRefs(repo.git().getRepository(), gitDir);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/acme/app.git/", exchange -> serveFile(exchange, gitDir));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/acme/app.git";
    }

    /** What `git update-server-info` writes: one line per ref, which the dumb protocol starts from. */
    private static void writeInfoRefs(Repository repository, Path gitDir) throws IOException {
        StringBuilder refs = new StringBuilder();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/")) {
            refs.append(ref.getObjectId().name()).append('\t').append(ref.getName()).append('\n');
        }
        Files.createDirectories(gitDir.resolve("info"));
        Files.writeString(gitDir.resolve("info/refs"), refs.toString());
    }

    private void serveFile(HttpExchange exchange, Path gitDir) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("x-access-token:" + token).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String relative = exchange.getRequestURI().getPath().substring("/acme/app.git/".length());
        Path file = gitDir.resolve(relative).normalize();
        if (!file.startsWith(gitDir) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldCloneEveryRefWithTheTokenAndDeleteTheCloneOnClose() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("tmp"));
        Path cloned;
        try (RemoteClone clone = RemoteClone.of(url, "x-access-token", token.toCharArray(), parent,
                NullProgressMonitor.INSTANCE)) {
            cloned = clone.directory();
            assertThat(clone.displayUrl()).isEqualTo(url);
            try (GitHistorySource source = GitHistorySource.open(cloned, GitScanOptions.defaults(), clone.displayUrl())) {
                assertThat(source.describe()).isEqualTo(url);
            }
            try (Repository mirror = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(cloned.toFile()).build()) {
                assertThat(mirror.exactRef("refs/heads/main").getObjectId()).isEqualTo(head);
                assertThat(mirror.exactRef("refs/heads/feature")).isNotNull();
            }
        }
        assertThat(cloned).doesNotExist();
        assertThat(authorizations).anyMatch(a -> a.startsWith("Basic "));
    }

    @Test
    void shouldFailWithoutTheTokenNamingTheUrlButNoCredentialAndLeaveNothingBehind() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("tmp"));
        String withPassword = url.replace("http://", "http://deploy:" + token + "@");

        assertThatThrownBy(() -> RemoteClone.of(withPassword, "x", null, parent, NullProgressMonitor.INSTANCE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot clone " + url)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token).doesNotContain("deploy:"));
        try (var left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldTellUrlsFromPathsAndRedactUserInfo() {
        assertThat(RemoteClone.isUrl("https://github.com/acme/app.git")).isTrue();
        assertThat(RemoteClone.isUrl("ssh://git@host:22/acme/app.git")).isTrue();
        assertThat(RemoteClone.isUrl("git@github.com:acme/app.git")).isTrue();
        assertThat(RemoteClone.isUrl("file:///srv/git/app.git")).isTrue();
        assertThat(RemoteClone.isUrl("/srv/git/app.git")).isFalse();
        assertThat(RemoteClone.isUrl("repos/app")).isFalse();
        assertThat(RemoteClone.isUrl("C:\\repos\\app")).isFalse();
        assertThat(RemoteClone.redact("https://user:pw@host/a.git")).isEqualTo("https://host/a.git");
        assertThat(RemoteClone.redact("https://host/a.git")).isEqualTo("https://host/a.git");
        // unencoded / and @ in a password must not leave any of it behind
        assertThat(RemoteClone.redact("https://user:pa/ss@w0rd@host/a.git")).isEqualTo("https://host/a.git");
        assertThat(RemoteClone.redact("git@github.com:acme/app.git")).isEqualTo("git@github.com:acme/app.git");
    }
}
