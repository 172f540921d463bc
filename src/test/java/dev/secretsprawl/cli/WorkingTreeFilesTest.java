package dev.secretsprawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingTreeFilesTest {
    @TempDir
    Path tree;

    @TempDir
    Path outside;

    @Test
    void shouldKeepAScriptExecutable() throws Exception {
        Path script = Files.writeString(tree.resolve("deploy.sh"), "old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

        try (WorkingTreeFiles files = new WorkingTreeFiles(tree, 1 << 20)) {
            files.write("deploy.sh", "new\n");
        }

        assertThat(Files.readString(script)).isEqualTo("new\n");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    }

    @Test
    void shouldRewriteTheFileALinkNamesAndKeepTheLink() throws Exception {
        Path real = Files.writeString(tree.resolve("app.env"), "old\n");
        Path link = Files.createSymbolicLink(tree.resolve(".env"), real.getFileName());

        try (WorkingTreeFiles files = new WorkingTreeFiles(tree, 1 << 20)) {
            files.write(".env", "new\n");
        }

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void shouldRefuseToRewriteThroughALinkLeavingTheTree() throws Exception {
        Path real = Files.writeString(outside.resolve("shared.env"), "old\n");
        Files.createSymbolicLink(tree.resolve(".env"), real);

        try (WorkingTreeFiles files = new WorkingTreeFiles(tree, 1 << 20)) {
            assertThatThrownBy(() -> files.write(".env", "new\n")).hasMessageContaining("links to a file outside");
        }
        assertThat(Files.readString(real)).isEqualTo("old\n");
    }
}
