import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds a large git history for bench/scan-history.sh from real code: the JDK's own sources
 * (lib/src.zip) grow and change commit by commit the way a busy repository does — small edits to
 * a few files per commit, new files, deletions, renames, feature branches merged back, branches
 * left unmerged, tags — with GitHub tokens planted in a few commits (some deleted later) so the
 * scan has something to find. Written as a `git fast-import` stream, then packed as a clone would be.
 *
 * Usage: java bench/GenerateHistory.java OUT_DIR COMMITS [SEED]
 * Prints the planted token count on its last line.
 */
public class GenerateHistory {
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;
    private final List<String[]> pool = new ArrayList<>(); // [path, text] of files not yet in the repository
    private final Map<String, List<String>> tree = new HashMap<>(); // path -> lines, on the current branch
    private final List<String> paths = new ArrayList<>();
    private final OutputStream out;
    private long time = 1_600_000_000L;
    private int mark;
    private int mainMark;
    private int planted;

    GenerateHistory(OutputStream out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int commits = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Files.createDirectories(dir);
        run(dir, "git", "init", "-q", "--bare", "--initial-branch=main");
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--done")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        GenerateHistory g;
        try (OutputStream stdin = new BufferedOutputStream(importer.getOutputStream(), 1 << 20)) {
            g = new GenerateHistory(stdin, seed);
            g.loadSources();
            g.generate(commits);
            stdin.write("done\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        // pack as a server would for a clone: deltas across versions, one pack
        run(dir, "git", "repack", "-a", "-d", "-f", "-q", "--window=10", "--depth=50");
        System.out.println("planted " + g.planted);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private void loadSources() throws IOException {
        Path zip = sourcesZip();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !(name.startsWith("java.base/") || name.startsWith("java.desktop/")
                        || name.startsWith("java.net.http/") || name.startsWith("java.sql/"))) {
                    continue;
                }
                if (!name.endsWith(".java") && !name.endsWith(".properties")) {
                    continue;
                }
                try (InputStream in = z.getInputStream(e)) {
                    pool.add(new String[]{"src/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)});
                }
            }
        }
        java.util.Collections.shuffle(pool, random);
    }

    /** This JDK's sources, or any other installed JDK's (Debian's OpenJDK package may not ship them). */
    private static Path sourcesZip() throws IOException {
        Path own = Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (Files.isRegularFile(own)) {
            return own;
        }
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.map(j -> j.resolve("lib/src.zip")).filter(Files::isRegularFile).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no JDK with lib/src.zip found under java.home or /usr/lib/jvm"));
        }
    }

    private void generate(int commits) throws IOException {
        // a first import of a quarter of the sources, as projects that start from existing code do
        int initial = pool.size() / 4;
        Map<String, List<String>> first = new HashMap<>();
        for (int i = 0; i < initial; i++) {
            String[] f = pool.remove(pool.size() - 1);
            first.put(f[0], lines(f[1]));
        }
        commit("main", first, List.of(), null, "Initial import");
        int done = 1;
        while (done < commits) {
            if (done % 97 == 0 && commits - done > 12) {
                done += featureBranch(done, commits - done - 1);
            } else {
                ordinaryCommit("main", done);
                done++;
            }
            if (done % 1000 == 0) {
                tag("v" + (done / 1000) + ".0", "main");
            }
        }
    }

    /** A branch of a few commits, merged back with a merge commit (one in five is left unmerged). */
    private int featureBranch(int n, int budget) throws IOException {
        String branch = "feature/f" + n;
        int fromMark = mainMark;
        out.write(("reset refs/heads/" + branch + "\nfrom :" + fromMark + "\n\n").getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> saved = deepCopy(tree);
        List<String> savedPaths = new ArrayList<>(paths);
        int count = Math.min(budget, 3 + random.nextInt(8));
        for (int i = 0; i < count; i++) {
            ordinaryCommit(branch, n + i);
        }
        int branchMark = mark;
        boolean merged = random.nextInt(5) != 0;
        Map<String, List<String>> branchTree = deepCopy(tree);
        tree.clear();
        tree.putAll(saved);
        paths.clear();
        paths.addAll(savedPaths);
        if (!merged) {
            return count;
        }
        // main moves on meanwhile, then takes the branch's files (no conflicts: the branch's version wins)
        ordinaryCommit("main", n + count);
        Map<String, List<String>> changes = new HashMap<>();
        List<String> deletions = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : branchTree.entrySet()) {
            List<String> atFork = saved.get(e.getKey());
            if (atFork == null || !atFork.equals(e.getValue())) {
                changes.put(e.getKey(), e.getValue());
            }
        }
        for (String p : new ArrayList<>(tree.keySet())) {
            if (!branchTree.containsKey(p) && saved.containsKey(p)) {
                deletions.add(p);
            }
        }
        commit("main", changes, deletions, branchMark, "Merge branch '" + branch + "'");
        return count + 2;
    }

    private void ordinaryCommit(String branch, int n) throws IOException {
        Map<String, List<String>> changes = new HashMap<>();
        List<String> deletions = new ArrayList<>();
        int kind = random.nextInt(100);
        if (kind < 72 || pool.isEmpty()) {
            int files = 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 3);
            for (int i = 0; i < files; i++) {
                String p = paths.get(random.nextInt(paths.size()));
                changes.put(p, edit(tree.get(p)));
            }
        } else if (kind < 88) {
            int files = 1 + random.nextInt(6);
            for (int i = 0; i < files && !pool.isEmpty(); i++) {
                String[] f = pool.remove(pool.size() - 1);
                changes.put(f[0], lines(f[1]));
            }
        } else if (kind < 94 && paths.size() > 100) {
            deletions.add(paths.get(random.nextInt(paths.size())));
        } else if (paths.size() > 100) {
            String from = paths.get(random.nextInt(paths.size()));
            String to = from.replace("/java/", "/moved/");
            if (to.equals(from) || tree.containsKey(to)) {
                to = from.replace(".java", "Renamed.java");
            }
            deletions.add(from);
            changes.put(to, random.nextBoolean() ? tree.get(from) : edit(tree.get(from)));
        }
        if (random.nextInt(300) == 0) {
            String p = "config/deploy-" + n + ".env";
            changes.put(p, List.of("REGION=eu-west-1", "GITHUB_TOKEN=" + githubToken()));
            planted++;
        }
        commit(branch, changes, deletions, null, "Change " + n);
        if (random.nextInt(900) == 0) {
            // a secret added, then deleted by the next commit: still in history
            String p = "scripts/release-" + n + ".sh";
            commit(branch, Map.of(p, List.of("#!/bin/sh", "export GH_TOKEN=" + githubToken(), "gh release create")),
                    List.of(), null, "Release script");
            planted++;
            commit(branch, Map.of(), List.of(p), null, "Remove token");
        }
    }

    /** One to three edits: a few lines replaced by lines from elsewhere, or inserted, or deleted. */
    private List<String> edit(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = copy.isEmpty() ? 0 : random.nextInt(copy.size());
            int remove = Math.min(copy.size() - at, random.nextInt(4));
            for (int i = 0; i < remove; i++) {
                copy.remove(at);
            }
            int add = random.nextInt(5);
            List<String> donor = tree.get(paths.get(random.nextInt(paths.size())));
            for (int i = 0; i < add && !donor.isEmpty(); i++) {
                copy.add(at, donor.get(random.nextInt(donor.size())));
            }
        }
        return copy;
    }

    private void commit(String branch, Map<String, List<String>> changes, List<String> deletions, Integer mergeMark,
                        String message) throws IOException {
        StringBuilder cmd = new StringBuilder();
        for (Map.Entry<String, List<String>> e : changes.entrySet()) {
            byte[] data = (String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
            pending.write(("M 100644 inline " + e.getKey() + "\ndata " + data.length + "\n").getBytes(StandardCharsets.UTF_8));
            pending.write(data);
            pending.write('\n');
            if (!tree.containsKey(e.getKey())) {
                paths.add(e.getKey());
            }
            tree.put(e.getKey(), e.getValue());
        }
        for (String p : deletions) {
            if (tree.remove(p) != null) {
                paths.remove(p);
                cmd.append("D ").append(p).append('\n');
            }
        }
        byte[] files = drain();
        time += 600 + random.nextInt(7200);
        String who = "Dev " + (char) ('A' + random.nextInt(12));
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        header.append("commit refs/heads/").append(branch).append('\n');
        header.append("mark :").append(++mark).append('\n');
        header.append("author ").append(who).append(" <dev@example.test> ").append(time).append(" +0000\n");
        header.append("committer ").append(who).append(" <dev@example.test> ").append(time).append(" +0000\n");
        header.append("data ").append(msg.length).append('\n').append(message).append('\n');
        if (mergeMark != null) {
            header.append("merge :").append(mergeMark).append('\n');
        }
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        out.write(files);
        out.write(cmd.toString().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        if (branch.equals("main")) {
            mainMark = mark;
        }
    }

    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    /** File commands are written to a side buffer first, since they follow the commit header. */
    private byte[] drain() {
        byte[] b = pending.toByteArray();
        pending.reset();
        return b;
    }

    private void tag(String name, String branch) throws IOException {
        out.write(("reset refs/tags/" + name + "\nfrom :" + mainMark + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static Map<String, List<String>> deepCopy(Map<String, List<String>> m) {
        return new HashMap<>(m); // lists are never mutated in place: edits copy them
    }

    private String githubToken() {
        StringBuilder body = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            body.append(B62.charAt(random.nextInt(62)));
        }
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder sum = new StringBuilder();
        while (v > 0) {
            sum.append(B62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sum.length() < 6) {
            sum.append('0');
        }
        return "ghp_" + body + sum.reverse();
    }
}
