package dev.secretsprawl.testing;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A real git repository on disk, built commit by commit with jgit, for tests of history scanning.
 * Commits get distinct, increasing times so "the oldest introduction" is well defined.
 */
public final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path root;
    private Instant clock = Instant.parse("2024-01-01T10:00:00Z");

    private TestRepo(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    public static TestRepo init(Path root) throws GitAPIException {
        return new TestRepo(Git.init().setDirectory(root.toFile()).setInitialBranch("main").call(), root);
    }

    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    public TestRepo write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    public TestRepo writeBytes(String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    public TestRepo delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    public TestRepo move(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
        return this;
    }

    /** Stages everything (additions, edits, deletions) and commits as {@code author}. */
    public RevCommit commit(String message, String author) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = ident(author);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
    }

    public RevCommit commit(String message) throws GitAPIException {
        return commit(message, "Dev");
    }

    private PersonIdent ident(String name) {
        clock = clock.plusSeconds(3600);
        return new PersonIdent(name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.test",
                clock, ZoneOffset.UTC);
    }

    public TestRepo branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    public TestRepo checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
        return this;
    }

    public TestRepo tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(true).setMessage(name).setTagger(ident("Tagger")).call();
        return this;
    }

    public TestRepo deleteBranch(String name) throws GitAPIException {
        git.branchDelete().setBranchNames(name).setForce(true).call();
        return this;
    }

    /** Merges {@code branch} into the current branch without committing, so a test can resolve it. */
    public MergeResult mergeNoCommit(String branch) throws GitAPIException, IOException {
        return git.merge().include(git.getRepository().resolve(branch)).setCommit(false)
                .setFastForward(MergeCommand.FastForwardMode.NO_FF).call();
    }

    public RevCommit merge(String branch, String message) throws GitAPIException, IOException {
        mergeNoCommit(branch);
        return commit(message);
    }

    public RevCommit cherryPick(RevCommit commit) throws GitAPIException {
        return git.cherryPick().include(commit).call().getNewHead();
    }

    @Override
    public void close() {
        git.close();
    }
}
