package dev.secretsprawl.source.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Commits files a tool changed in the working tree onto a new branch made at HEAD, ready for a pull request:
 * the changes travel with the checkout, nothing else of the working tree is added.
 */
public final class ChangeBranch {
    private ChangeBranch() {
    }

    /**
     * @param root  the folder the paths are relative to (the repository's root or a folder inside it)
     * @param paths files to commit, relative to ROOT
     * @return the new commit's id
     */
    public static String commit(Path root, String branch, List<String> paths, String message) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new GitSourceException(root + " is not in a git repository: leave out the branch option, or run git init");
        }
        try (Repository repo = builder.setMustExist(true).build(); Git git = new Git(repo)) {
            if (repo.resolve("HEAD") == null) {
                throw new GitSourceException("the repository has no commit yet to branch from");
            }
            if (repo.findRef("refs/heads/" + branch) != null) {
                throw new GitSourceException("branch " + branch + " exists already: choose another name");
            }
            Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            String prefix = top.relativize(root.toAbsolutePath().normalize()).toString().replace('\\', '/');
            git.checkout().setCreateBranch(true).setName(branch).call();
            for (String p : paths) {
                git.add().addFilepattern(prefix.isEmpty() ? p : prefix + "/" + p).call();
            }
            UserConfig user = repo.getConfig().get(UserConfig.KEY);
            PersonIdent who = new PersonIdent(user.getAuthorName() == null ? "Secret Sprawl" : user.getAuthorName(),
                    user.getAuthorEmail() == null ? "secret-sprawl@localhost" : user.getAuthorEmail());
            RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return commit.getId().name();
        } catch (GitAPIException e) {
            throw new GitSourceException("git refused to commit on " + branch + ": " + e.getClass().getSimpleName()
                    .replace("Exception", ""));
        }
    }
}
