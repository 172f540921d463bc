package dev.secretsprawl.source;

import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.scan.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Every regular file under a root. Follows no symbolic link (a link can point out of the tree), skips
 * {@code .git} (history is {@code scan git}'s job), binary and oversized files, and ignored paths.
 */
public final class DirectorySource implements Source {
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn");

    private final Path root;
    private final SprawlConfig config;
    private final long maxFileSize;
    private final Shard shard;

    public DirectorySource(Path root, SprawlConfig config, long maxFileSize, Shard shard) {
        this.root = resolveNamed(root);
        this.config = config;
        this.maxFileSize = maxFileSize;
        this.shard = shard;
    }

    /**
     * The path the user named is followed even when it is a link (a Capistrano {@code current} release,
     * macOS {@code /tmp}); no link below it is.
     */
    private static Path resolveNamed(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void run(FragmentSink sink) throws IOException {
        if (Files.isRegularFile(root)) {
            String name = root.getFileName().toString();
            if (shard.owns(name)) {
                readFile(root, name, Files.readAttributes(root, BasicFileAttributes.class), sink);
            }
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (config.ignored(relative(dir))) {
                    sink.skipped("ignored", relative(dir), null);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(file);
                if (attrs.isSymbolicLink()) {
                    sink.skipped("symlink", path, null);
                } else if (!attrs.isRegularFile()) {
                    sink.skipped("special", path, null);
                } else if (config.ignored(path)) {
                    sink.skipped("ignored", path, null);
                } else if (shard.owns(path)) {
                    readFile(file, path, attrs, sink);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                sink.skipped("unreadable", relative(file), "cannot read " + relative(file) + ": " + reason(e));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void readFile(Path file, String path, BasicFileAttributes attrs, FragmentSink sink) {
        if (attrs.size() > maxFileSize) {
            sink.skipped("oversized", path, null);
            return;
        }
        byte[] bytes;
        // NOFOLLOW_LINKS: a file swapped for a link between the walk and the read is not followed out of the tree
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) Math.min(maxFileSize + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            sink.skipped("unreadable", path, "cannot read " + path + ": " + reason(e));
            return;
        }
        if (bytes.length > maxFileSize) {
            sink.skipped("oversized", path, null);
        } else if (TextDecoding.looksBinary(bytes, bytes.length)) {
            sink.skipped("binary", path, null);
        } else {
            sink.accept(Fragment.of(TextDecoding.decode(bytes, bytes.length), path));
        }
    }

    private String relative(Path p) {
        String rel = root.relativize(p).toString();
        return p.getFileSystem().getSeparator().equals("/") ? rel : rel.replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }
}
