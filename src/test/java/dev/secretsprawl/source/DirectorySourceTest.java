package dev.secretsprawl.source;

import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.testing.RecordingSink;
import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.scan.SprawlConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DirectorySourceTest {
    @TempDir
    Path root;
    @TempDir
    Path outside;

    private final RecordingSink recording = new RecordingSink();
    private final List<Fragment> fragments = recording.fragments;
    private final Map<String, Integer> skipped = recording.skipped;

    @Test
    void shouldReadTextFilesWithRelativeSlashPaths() throws IOException {
        write("a.txt", "alpha");
        write("sub/dir/b.yml", "beta");
        run(SprawlConfig.EMPTY, 1024);
        assertThat(fragments).extracting(Fragment::path).containsExactlyInAnyOrder("a.txt", "sub/dir/b.yml");
        assertThat(skipped).isEmpty();
    }

    @Test
    void shouldSkipAndCountBinaryOversizedAndGitFiles() throws IOException {
        Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        write("big.log", "x".repeat(2048));
        write(".git/config", "[core]");
        write("ok.txt", "fine");
        run(SprawlConfig.EMPTY, 1024);
        assertThat(fragments).extracting(Fragment::path).containsExactly("ok.txt");
        assertThat(skipped).containsEntry("binary", 1).containsEntry("oversized", 1);
    }

    @Test
    void shouldFollowNoSymbolicLinkOutOfTheTree() throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "outside the tree");
        Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("linkdir"), outside);
        write("inside.txt", "in");
        run(SprawlConfig.EMPTY, 1024);
        assertThat(fragments).extracting(Fragment::path).containsExactly("inside.txt");
        assertThat(skipped).containsEntry("symlink", 2);
    }

    @Test
    void shouldDecodeAnyEncodingWithoutCrashing() throws IOException {
        Files.write(root.resolve("utf16.txt"), bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "token=abc".getBytes(StandardCharsets.UTF_16LE)));
        Files.write(root.resolve("latin1.txt"), "pass=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(root.resolve("bom.txt"), bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "key=v".getBytes(StandardCharsets.UTF_8)));
        run(SprawlConfig.EMPTY, 1024);
        assertThat(fragments).extracting(Fragment::text)
                .containsExactlyInAnyOrder("token=abc", "pass=caf\uFFFD", "key=v");
    }

    @Test
    void shouldSkipIgnoredPathsFromConfig() throws IOException {
        write("docs/a.md", "a");
        write("src/b.js", "b");
        write("web/c.min.js", "c");
        SprawlConfig config = SprawlConfigLoader.parse("[paths]\nignore = [\"docs/\", \"*.min.js\"]\n", "t");
        run(config, 1024);
        assertThat(fragments).extracting(Fragment::path).containsExactly("src/b.js");
        assertThat(skipped).containsEntry("ignored", 2);
    }

    @Test
    void shouldSplitFilesAcrossShardsExactlyOnce() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("f" + i + ".txt", "x");
        }
        List<String> all = new ArrayList<>();
        for (int shard = 1; shard <= 3; shard++) {
            fragments.clear();
            new DirectorySource(root, SprawlConfig.EMPTY, 1024, new Shard(shard, 3)).run(sink());
            assertThat(fragments).isNotEmpty();
            fragments.forEach(f -> all.add(f.path()));
        }
        assertThat(all).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void shouldFollowARootThatIsItselfALinkButNoLinkBelowIt() throws IOException {
        write("inside.txt", "in");
        Files.writeString(outside.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("escape"), outside.resolve("secret.txt"));
        Path release = Files.createSymbolicLink(outside.resolve("current"), root);
        new DirectorySource(release, SprawlConfig.EMPTY, 1024, Shard.ALL).run(sink());
        assertThat(fragments).extracting(Fragment::path).containsExactly("inside.txt");
        assertThat(skipped).containsEntry("symlink", 1);
    }

    @Test
    void shouldShardASingleFileRootLikeAnyOtherFile() throws IOException {
        write("only.env", "A=1");
        int scanned = 0;
        for (int shard = 1; shard <= 2; shard++) {
            fragments.clear();
            new DirectorySource(root.resolve("only.env"), SprawlConfig.EMPTY, 1024, new Shard(shard, 2)).run(sink());
            scanned += fragments.size();
        }
        assertThat(scanned).isEqualTo(1);
    }

    @Test
    void shouldScanASingleFileGivenAsRoot() throws IOException {
        write("only.env", "A=1");
        new DirectorySource(root.resolve("only.env"), SprawlConfig.EMPTY, 1024, Shard.ALL).run(sink());
        assertThat(fragments).extracting(Fragment::path).containsExactly("only.env");
    }

    private void run(SprawlConfig config, long maxSize) throws IOException {
        new DirectorySource(root, config, maxSize, Shard.ALL).run(sink());
    }

    private FragmentSink sink() {
        return recording;
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static byte[] bytes(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
