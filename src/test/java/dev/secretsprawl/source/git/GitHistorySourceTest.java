package dev.secretsprawl.source.git;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Occurrence;
import dev.secretsprawl.scan.ProgressListener;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;
import dev.secretsprawl.scan.Scanner;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.scan.Suppressions;
import dev.secretsprawl.source.Shard;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.TestRepo;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHistorySourceTest {
    private static final Detector DETECTOR = new Detector(RuleLoader.bundled(), SecretHasher.defaultKey());

    @TempDir
    Path dir;
    private TestRepo repo;
    private final SyntheticCredentials tokens = new SyntheticCredentials(42);

    @BeforeEach
    void init() throws Exception {
        repo = TestRepo.init(dir.resolve("repo"));
        repo.write("README.md", "# app\n").commit("start");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private String token() {
        return tokens.next("github-pat");
    }

    private ScanResult scan() throws IOException {
        return scan(GitScanOptions.defaults());
    }

    private ScanResult scan(GitScanOptions options) throws IOException {
        try (GitHistorySource source = GitHistorySource.open(repo.root(), options)) {
            return new Scanner(DETECTOR, Suppressions.none(), 2).scan(source, ProgressListener.NONE);
        }
    }

    private static GitScanOptions branch(String branch, String since) {
        return new GitScanOptions(branch, since, 10L << 20, 2, SprawlConfig.EMPTY, Shard.ALL);
    }

    @Test
    void shouldReportASecretDeletedLaterOnceAtTheCommitThatAddedItWithAuthorAndDate() throws Exception {
        String secret = token();
        RevCommit added = repo.write("config/app.env", "A=1\nGITHUB_TOKEN=" + secret + "\n").commit("add config", "Alice Adams");
        repo.write("config/app.env", "A=1\nB=2\nGITHUB_TOKEN=" + secret + "\n").commit("edit around it", "Bob");
        repo.delete("config/app.env").commit("remove the secret", "Carol");

        ScanResult result = scan();

        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("github-pat-classic");
        assertThat(f.location().path()).isEqualTo("config/app.env");
        assertThat(f.location().startLine()).isEqualTo(2);
        assertThat(f.properties()).containsEntry("commit", added.name()).containsEntry("author", "Alice Adams")
                .containsEntry("email", "alice.adams@example.test").containsKey("date");
        assertThat(f.properties().get("date")).startsWith("2024-01-01T");
        assertThat(f.otherOccurrences()).isEmpty();
    }

    @Test
    void shouldFindSecretsOnUnmergedBranchesAndBehindTagsOnly() throws Exception {
        String onBranch = token();
        String behindTag = token();
        repo.branch("feature/x");
        RevCommit branchCommit = repo.write("deploy.sh", "export GITHUB_TOKEN=" + onBranch + "\n").commit("wip");
        repo.checkout("main").branch("release");
        RevCommit tagged = repo.write("release.env", "TOKEN=" + behindTag + "\n").commit("release");
        repo.tag("v1.0").checkout("main").deleteBranch("release");

        ScanResult result = scan();

        assertThat(result.findings()).extracting(f -> f.properties().get("commit"))
                .containsExactlyInAnyOrder(branchCommit.name(), tagged.name());
    }

    @Test
    void shouldFindASecretOnlyAPullRequestRefReaches() throws Exception {
        repo.branch("pr-head");
        RevCommit prCommit = repo.write("pr.env", "TOKEN=" + token() + "\n").commit("contributor's change");
        repo.checkout("main").deleteBranch("pr-head");
        var update = repo.git().getRepository().updateRef("refs/pull/7/head");
        update.setNewObjectId(prCommit);
        update.forceUpdate();

        assertThat(scan().findings()).extracting(f -> f.properties().get("commit")).containsExactly(prCommit.name());
    }

    @Test
    void shouldAttributeASecretFromAMergedBranchToTheBranchCommitAndANewOneToTheMerge() throws Exception {
        String fromBranch = token();
        String fromResolution = token();
        repo.write("app.properties", "name=app\nport=80\n").commit("base");
        repo.branch("side");
        RevCommit sideCommit = repo.write("app.properties", "name=app\nport=80\ngithub.token=" + fromBranch + "\n").commit("side");
        repo.checkout("main").write("app.properties", "name=app\nport=8080\n").commit("main edit");
        MergeResult merge = repo.mergeNoCommit("side");
        assertThat(merge.getMergeStatus()).isEqualTo(MergeResult.MergeStatus.CONFLICTING);
        repo.write("app.properties", "name=app\nport=8080\ngithub.token=" + fromBranch + "\nbackup.token=" + fromResolution + "\n");
        RevCommit mergeCommit = repo.commit("merge side, resolving the conflict");
        assertThat(mergeCommit.getParentCount()).isEqualTo(2);

        ScanResult result = scan();

        assertThat(result.findings()).hasSize(2);
        assertThat(result.findings()).filteredOn(f -> f.location().startLine() == 3)
                .singleElement().satisfies(f -> assertThat(f.properties()).containsEntry("commit", sideCommit.name()));
        assertThat(result.findings()).filteredOn(f -> f.location().startLine() == 4)
                .singleElement().satisfies(f -> assertThat(f.properties()).containsEntry("commit", mergeCommit.name()));
    }

    @Test
    void shouldNotReportAPlainRenameAgainAndReportOnlyWhatARenameWithEditsAdds() throws Exception {
        String original = token();
        String addedInRename = token();
        RevCommit first = repo.write("old/settings.env", "X=1\nGITHUB_TOKEN=" + original + "\n").commit("add");
        repo.move("old/settings.env", "new/settings.env").commit("plain rename");
        RevCommit renamed = repo.move("new/settings.env", "deploy/settings.env")
                .write("deploy/settings.env", "X=1\nGITHUB_TOKEN=" + original + "\nSECOND_TOKEN=" + addedInRename + "\n")
                .commit("rename with an edit");

        ScanResult result = scan();

        assertThat(result.findings()).extracting(f -> f.location().path() + "@" + f.properties().get("commit"))
                .containsExactlyInAnyOrder("old/settings.env@" + first.name(), "deploy/settings.env@" + renamed.name());
        assertThat(result.findings()).filteredOn(f -> f.location().path().startsWith("deploy/"))
                .singleElement().satisfies(f -> assertThat(f.location().startLine()).isEqualTo(3));
    }

    @Test
    void shouldSkipAndCountBinaryFilesAndOversizedVersions() throws Exception {
        byte[] binary = ("\0\0PNG GITHUB_TOKEN=" + token()).getBytes();
        repo.writeBytes("logo.png", binary).write("big.env", "TOKEN=" + token() + "\n" + "x".repeat(2000) + "\n").commit("assets");

        ScanResult result = scan(new GitScanOptions(null, null, 1024, 2, SprawlConfig.EMPTY, Shard.ALL));

        assertThat(result.findings()).isEmpty();
        assertThat(result.stats().skippedByReason()).containsEntry("binary", 1L).containsEntry("oversized", 1L);
    }

    @Test
    void shouldSkipAMissingBlobWithOneWarningAndStillFinishTheScan() throws Exception {
        String kept = token();
        String lost = token();
        repo.write("kept.env", "TOKEN=" + kept + "\n").commit("kept");
        repo.write("lost.env", "TOKEN=" + lost + "\n").write("lost2.env", "TOKEN=" + token() + "\n").commit("to be pruned");
        ObjectId blob = repo.git().getRepository().resolve("HEAD:lost.env");
        ObjectId blob2 = repo.git().getRepository().resolve("HEAD:lost2.env");
        deleteLooseObject(blob);
        deleteLooseObject(blob2);

        ScanResult result = scan();

        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly("kept.env");
        assertThat(result.stats().skippedByReason()).containsEntry("missing-object", 2L);
        assertThat(result.warnings()).extracting(ScanWarning::message)
                .filteredOn(m -> m.contains("missing")).hasSize(1).first().asString().contains("skipped 2 git objects");
        assertThat(result.incomplete()).isFalse();
    }

    private void deleteLooseObject(ObjectId id) throws IOException {
        Path object = repo.root().resolve(".git/objects").resolve(id.name().substring(0, 2)).resolve(id.name().substring(2));
        assertThat(object).exists();
        Files.delete(object);
    }

    @Test
    void shouldMakeOneFindingWithTwoLocationsOfASecretAddedOnTwoBranches() throws Exception {
        String shared = token();
        repo.branch("team-a");
        RevCommit a = repo.write("ci/deploy.env", "GITHUB_TOKEN=" + shared + "\n").commit("team a");
        repo.checkout("main").branch("team-b");
        RevCommit b = repo.write("ci/deploy.env", "# deploy\nGITHUB_TOKEN=" + shared + "\n").commit("team b");

        ScanResult result = scan();

        assertThat(result.findings()).hasSize(1);
        Finding f = result.findings().get(0);
        assertThat(f.properties()).containsEntry("commit", a.name());
        assertThat(f.otherOccurrences()).extracting(o -> o.properties().get("commit")).containsExactly(b.name());
        assertThat(f.otherOccurrences()).extracting(o -> o.location().startLine()).containsExactly(2);
    }

    @Test
    void shouldScanACherryPickedChangeOnceAndAttributeItToBothCommits() throws Exception {
        repo.write("notes.env", "A=1\n").commit("base");
        repo.branch("fix");
        RevCommit original = repo.write("notes.env", "A=1\nGITHUB_TOKEN=" + token() + "\n").commit("fix");
        repo.checkout("main");
        RevCommit picked = repo.cherryPick(original);

        ScanResult result = scan();

        assertThat(result.findings()).hasSize(1);
        List<String> commits = new java.util.ArrayList<>();
        commits.add(result.findings().get(0).properties().get("commit"));
        result.findings().get(0).otherOccurrences().forEach(o -> commits.add(o.properties().get("commit")));
        assertThat(commits).containsExactlyInAnyOrder(original.name(), picked.name());
        // README and the base notes.env, then the one fix change, never read twice
        assertThat(result.stats().fragments()).isEqualTo(3);
    }

    @Test
    void shouldReportASecretAddedAgainAfterItsRemovalAsASecondLocation() throws Exception {
        String secret = token();
        RevCommit first = repo.write("a.env", "GITHUB_TOKEN=" + secret + "\n").commit("add");
        repo.write("a.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n").commit("remove");
        RevCommit again = repo.write("a.env", "GITHUB_TOKEN=" + secret + "\n").commit("revert by hand");

        Finding f = scan().findings().get(0);

        assertThat(f.properties()).containsEntry("commit", first.name());
        assertThat(f.otherOccurrences()).extracting(Occurrence::properties).extracting(p -> p.get("commit"))
                .containsExactly(again.name());
    }

    @Test
    void shouldNotReportAnOldSecretAgainWhenALineNextToItChanges() throws Exception {
        String secret = token();
        repo.write(".netrc", "machine api.example.test\n  login deploy\n  password " + tokens.base62(24) + "\n"
                + "GITHUB_TOKEN=" + secret + "\n").commit("add");
        repo.write(".netrc", "machine api.example.test\n  login deploy\n  password " + tokens.base62(24) + "\n"
                + "GITHUB_TOKEN=" + secret + "\n").commit("new netrc password only");

        ScanResult result = scan();

        // the first commit's two secrets, then only the changed password, found with its machine/login context
        assertThat(result.findings()).extracting(f -> f.ruleId() + ":" + f.location().startLine())
                .filteredOn(s -> s.startsWith("github-pat")).containsExactly("github-pat-classic:4");
        assertThat(result.findings()).filteredOn(f -> f.location().startLine() == 3).hasSize(2);
    }

    @Test
    void shouldFindAPrivateKeyAddedAsABlockAndNotAgainWhenTheFileAroundItChanges() throws Exception {
        String key = tokens.next("rsa-private-key");
        repo.write("deploy/key.pem", key + "\n").commit("add key");
        repo.write("deploy/key.pem", "# deploy key\n" + key + "\n").commit("comment it");

        ScanResult result = scan();

        assertThat(result.findings()).extracting(f -> f.location().startLine()).containsExactly(1);
    }

    @Test
    void shouldScanOnlyTheNamedBranchAndOnlyCommitsAfterSinceCommit() throws Exception {
        repo.branch("other");
        repo.write("other.env", "TOKEN=" + token() + "\n").commit("other");
        repo.checkout("main");
        RevCommit old = repo.write("old.env", "TOKEN=" + token() + "\n").commit("old");
        repo.write("new.env", "TOKEN=" + token() + "\n").commit("new");

        assertThat(scan(branch("main", null)).findings()).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("old.env", "new.env");
        assertThat(scan(branch("main", old.name())).findings()).extracting(f -> f.location().path())
                .containsExactly("new.env");
        assertThat(scan(branch(null, old.name())).findings()).extracting(f -> f.location().path())
                .containsExactlyInAnyOrder("other.env", "new.env");
    }

    @Test
    void shouldRefuseAnUnknownBranchOrCommitBeforeScanningAndNameTheKnownBranches() {
        assertThatThrownBy(() -> GitHistorySource.open(repo.root(), branch("nope", null)))
                .isInstanceOf(GitSourceException.class).hasMessageContaining("'nope'").hasMessageContaining("main");
        assertThatThrownBy(() -> GitHistorySource.open(repo.root(), branch(null, "0123456789abcdef0123456789abcdef01234567")))
                .isInstanceOf(GitSourceException.class).hasMessageContaining("--since-commit");
        assertThatThrownBy(() -> GitHistorySource.open(dir.resolve("nothing-here"), GitScanOptions.defaults()))
                .isInstanceOf(GitSourceException.class).hasMessageContaining("nothing-here");
    }

    @Test
    void shouldRefuseAFolderThatIsNoRepository() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> GitHistorySource.open(plain, GitScanOptions.defaults()))
                .isInstanceOf(GitSourceException.class).hasMessageContaining("not in a git repository");
    }

    @Test
    void shouldHonourIgnoredPathsAndShards() throws Exception {
        repo.write("vendor/lib.env", "TOKEN=" + token() + "\n").write("app.env", "TOKEN=" + token() + "\n").commit("two");
        SprawlConfig ignoreVendor = new SprawlConfig("test", List.of(dev.secretsprawl.scan.PathGlob.of("vendor/")), List.of(), List.of());

        ScanResult result = scan(new GitScanOptions(null, null, 10L << 20, 2, ignoreVendor, Shard.ALL));

        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly("app.env");
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            total += scan(new GitScanOptions(null, null, 10L << 20, 2, SprawlConfig.EMPTY, Shard.parse(i + "/3"))).findings().size();
        }
        assertThat(total).isEqualTo(2);
    }

    @Test
    void shouldWarnOnAShallowCloneAndStillScanWhatItHas() throws Exception {
        repo.write("a.env", "TOKEN=" + token() + "\n").commit("a");
        repo.write("b.txt", "nothing\n").commit("b");
        Path shallow = dir.resolve("shallow");
        try (var clone = org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.root().toUri().toString())
                .setDirectory(shallow.toFile()).setDepth(1).call()) {
            assertThat(clone.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
        }

        ScanResult result;
        try (GitHistorySource source = GitHistorySource.open(shallow, GitScanOptions.defaults())) {
            result = new Scanner(DETECTOR, Suppressions.none(), 2).scan(source, ProgressListener.NONE);
        }

        // the boundary commit holds the whole tree, so the older secret is there, attributed to it
        assertThat(result.findings()).extracting(f -> f.location().path()).containsExactly("a.env");
        assertThat(result.warnings()).extracting(ScanWarning::message).anyMatch(m -> m.contains("shallow clone"));
    }

    @Test
    void shouldSayWhereItIsForTheProgressLine() throws Exception {
        repo.write("x.txt", "x\n").commit("x");
        try (GitHistorySource source = GitHistorySource.open(repo.root(), GitScanOptions.defaults())) {
            new Scanner(DETECTOR, Suppressions.none(), 1).scan(source, ProgressListener.NONE);
            assertThat(source.progress()).isEqualTo("2 commits, 2 file versions");
        }
    }
}
