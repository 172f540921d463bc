package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.TextFiles;
import dev.secretsprawl.source.LocationReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;

/** The migrated tree for the runner: files read now or at a commit, rewritten whole or not at all. */
final class WorkingTreeFiles implements TextFiles, AutoCloseable {
    private final Path root;
    private final LocationReader reader;

    WorkingTreeFiles(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.reader = new LocationReader(root, maxBytes);
    }

    Optional<String> head() throws IOException {
        return reader.head();
    }

    @Override
    public Optional<String> read(String path, String commit) throws IOException {
        return reader.read(path, commit);
    }

    /**
     * Writes beside the file and renames over it, keeping its permissions (a rewritten script stays executable)
     * and forcing it to disk before the ledger says it happened. A symbolic link is followed to the file it
     * names, inside the tree only: replacing the link would leave the value in its target.
     */
    @Override
    public void write(String path, String text) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("refusing to write " + path + ": it is outside " + root);
        }
        Path target = file.toRealPath();
        if (!target.startsWith(root.toRealPath())) {
            throw new IOException("refusing to rewrite " + path + ": it links to a file outside " + root
                    + "; change that file by hand");
        }
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".sprawl-tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
