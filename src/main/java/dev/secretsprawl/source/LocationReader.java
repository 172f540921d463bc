package dev.secretsprawl.source;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the text a finding was reported in again: the file under a root, or, for a history finding, the
 * file as it was at its commit. Lets a report be re-verified without rescanning everything.
 */
public final class LocationReader implements AutoCloseable {
    private final Path root;
    private final long maxBytes;
    private Repository repository;
    private boolean repositoryLooked;

    public LocationReader(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The text of PATH (relative to the root) at COMMIT, or in the working tree when COMMIT is null. */
    public Optional<String> read(String path, String commit) throws IOException {
        if (commit != null) {
            return readAtCommit(path, commit);
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.size(file) > maxBytes) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        return TextDecoding.looksBinary(bytes, bytes.length) ? Optional.empty()
                : Optional.of(TextDecoding.decode(bytes, bytes.length));
    }

    private Optional<String> readAtCommit(String path, String commit) throws IOException {
        Repository repo = repository();
        if (repo == null) {
            return Optional.empty();
        }
        ObjectId id = repo.resolve(commit);
        if (id == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(id);
            try (TreeWalk tree = TreeWalk.forPath(repo, path, c.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                ObjectLoader loader = repo.open(tree.getObjectId(0));
                if (loader.getSize() > maxBytes) {
                    return Optional.empty();
                }
                byte[] bytes = loader.getBytes();
                return TextDecoding.looksBinary(bytes, bytes.length) ? Optional.empty()
                        : Optional.of(TextDecoding.decode(bytes, bytes.length));
            }
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            return Optional.empty();
        }
    }

    /** The commit HEAD points at, when the root is in a git repository with at least one commit. */
    public Optional<String> head() throws IOException {
        Repository repo = repository();
        if (repo == null) {
            return Optional.empty();
        }
        ObjectId id = repo.resolve("HEAD");
        return id == null ? Optional.empty() : Optional.of(id.name());
    }

    private Repository repository() throws IOException {
        if (!repositoryLooked) {
            repositoryLooked = true;
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
            if (builder.getGitDir() != null) {
                repository = builder.setMustExist(true).build();
            }
        }
        return repository;
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
