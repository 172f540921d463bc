package dev.secretsprawl.source.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * A mirror clone of a remote repository in a temporary folder (every ref, pull-request refs included),
 * deleted on close. Credentials come from the caller, never from the URL printed in messages.
 */
public final class RemoteClone implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.+");
    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@[\\w.-]+:.+");
    /**
     * Everything from the scheme to the last {@code @} of the URL: a password may hold an unencoded
     * {@code /}, {@code #} or {@code @}, and no part of it may be shown. A path with an {@code @} is cut too,
     * which only shortens what is displayed.
     */
    private static final Pattern USERINFO = Pattern.compile("(?<=://)\\S*@");

    private final Path directory;
    private final String displayUrl;

    private RemoteClone(Path directory, String displayUrl) {
        this.directory = directory;
        this.displayUrl = displayUrl;
    }

    /** True for {@code https://…}, {@code ssh://…}, {@code file://…} and scp-style {@code git@host:owner/repo}. */
    public static boolean isUrl(String target) {
        return URL.matcher(target).matches() || SCP_LIKE.matcher(target).matches();
    }

    /** The URL without any user or password written into it, for messages and reports. */
    public static String redact(String url) {
        return USERINFO.matcher(url).replaceFirst("");
    }

    /**
     * Clones {@code url} into a new folder under {@code parent} (the system temp folder when null).
     *
     * @param user  user name sent with {@code token} over https; ignored without a token
     * @param token an access token, or null to clone anonymously (or with ssh keys)
     */
    public static RemoteClone of(String url, String user, char[] token, Path parent, ProgressMonitor monitor)
            throws IOException {
        String display = redact(url);
        Path directory = parent == null ? Files.createTempDirectory("sprawl-clone-")
                : Files.createTempDirectory(parent, "sprawl-clone-");
        RemoteClone clone = new RemoteClone(directory, display);
        CredentialsProvider credentials = token == null ? null : new UsernamePasswordCredentialsProvider(user, token);
        try (Git ignored = Git.cloneRepository().setURI(url).setDirectory(directory.toFile()).setMirror(true)
                .setCredentialsProvider(credentials).setProgressMonitor(monitor).call()) {
            return clone;
        } catch (GitAPIException | RuntimeException e) {
            clone.close();
            throw new IOException("cannot clone " + display + ": " + reason(e, url, display), e);
        }
    }

    /** jgit's messages often repeat the URL; repeat it without credentials. */
    private static String reason(Exception e, String url, String display) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getMessage() + ")";
        }
        return USERINFO.matcher(message.replace(url, display)).replaceAll("");
    }

    public Path directory() {
        return directory;
    }

    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
