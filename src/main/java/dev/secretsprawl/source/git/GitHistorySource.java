package dev.secretsprawl.source.git;

import dev.secretsprawl.scan.DaemonThreads;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.scan.Occurrence;
import dev.secretsprawl.scan.Source;
import dev.secretsprawl.source.TextDecoding;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryBuilder;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every commit reachable from the repository's refs, read straight from the object database. Each
 * commit's changed files are compared with their versions in its parents, and only the lines the
 * commit added are scanned, so a secret is found once, at the commit that introduced it, whether or
 * not a later commit deleted it. A change two commits share (cherry-picks, rebased copies) is read
 * and scanned once and attributed to both; what differs between a merge and every one of its parents
 * is the merge's own. Objects that are not there (partial, shallow or pruned clones) are skipped and
 * counted.
 */
public final class GitHistorySource implements Source, AutoCloseable {
    /** Deleted files at most compared with a file added in the same commit, to see a rename with edits. */
    private static final int MAX_RENAME_CANDIDATES = 4;

    private final Repository repository;
    private final GitScanOptions options;
    private final String description;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong blobs = new AtomicLong();
    /** The first commit seen making each change. */
    private final Map<ChangeKey, ObjectId> firstMaker = new ConcurrentHashMap<>();
    /** Further commits making a change already scanned, by the first commit and path. */
    private final Map<Origin, List<ObjectId>> laterMakers = new ConcurrentHashMap<>();
    private final Set<ObjectReader> readers = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<ObjectReader> threadReader;
    private final ThreadLocal<TreeWalk> threadTreeWalk;

    private record Origin(ObjectId commit, String path) {
    }

    /** One file a commit changed: its new version and the versions it replaces (none when added). */
    private record Change(String path, ObjectId newId, List<ObjectId> oldIds) {
    }

    /** A commit as the reading threads need it: no RevWalk objects cross threads. */
    private record CommitTrees(ObjectId commit, ObjectId tree, List<ObjectId> parentTrees) {
        String abbreviated() {
            return commit.abbreviate(12).name();
        }
    }

    private GitHistorySource(Repository repository, GitScanOptions options, String description) {
        this.repository = repository;
        this.options = options;
        this.description = description;
        this.threadReader = ThreadLocal.withInitial(() -> {
            ObjectReader reader = repository.newObjectReader();
            readers.add(reader);
            return reader;
        });
        this.threadTreeWalk = ThreadLocal.withInitial(() -> {
            TreeWalk trees = new TreeWalk(repository, threadReader.get());
            trees.setRecursive(true);
            return trees;
        });
    }

    /**
     * Opens the repository at {@code dir}: a work tree (or any folder inside one) or a bare repository.
     *
     * @throws GitSourceException when there is no repository there, or a ref or commit named in the options is unknown
     */
    public static GitHistorySource open(Path dir, GitScanOptions options) throws IOException {
        return open(dir, options, dir.toString());
    }

    /** Like {@link #open(Path, GitScanOptions)}, named {@code description} in reports (a clone's URL, not its folder). */
    public static GitHistorySource open(Path dir, GitScanOptions options, String description) throws IOException {
        RepositoryTuning.apply(options.maxBlobSize());
        File folder = dir.toFile();
        RepositoryBuilder builder = new RepositoryBuilder().setMustExist(true);
        if (RepositoryCache.FileKey.isGitRepository(folder, FS.DETECTED)) {
            builder.setGitDir(folder);
        } else {
            builder.findGitDir(folder);
            if (builder.getGitDir() == null) {
                throw new GitSourceException(dir + " is not in a git repository (no .git found here or above)");
            }
        }
        Repository repository = builder.build();
        GitHistorySource source = new GitHistorySource(repository, options, description);
        try (RevWalk walk = new RevWalk(repository)) {
            source.startPoints(walk); // fail on an unknown --branch/--since-commit before scanning
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
        return source;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String progress() {
        return String.format(Locale.ROOT, "%,d commits, %,d file versions", commits.get(), blobs.get());
    }

    @Override
    public void run(FragmentSink sink) throws IOException {
        warnAboutIncompleteClones(sink);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.threads() * 8), DaemonThreads.named("sprawl-git-commits"), new ThreadPoolExecutor.CallerRunsPolicy());
        PathPartitionedWorkers readersByPath = new PathPartitionedWorkers(options.threads(), "sprawl-git-blobs");
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            walk.setRetainBody(false);
            StartPoints points = startPoints(walk);
            for (RevCommit start : points.starts()) {
                walk.markStart(start);
            }
            if (points.since() != null) {
                walk.markUninteresting(walk.parseCommit(points.since()));
            }
            try {
                for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
                    CommitTrees trees = trees(walk, commit);
                    // each commit's tree diff, reads and line comparison run on the pool: the walk itself is cheap
                    pool.execute(() -> scanCommit(trees, readersByPath, sink));
                }
            } catch (MissingObjectException | RevWalkException e) {
                // a commit or tree the walk needs is not there (pruned history): report what was read
                sink.skipped("missing-object", null, "history walk stopped early: a commit or tree is missing from "
                        + "the repository; findings cover the commits read before it");
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                readersByPath.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
                readersByPath.abort();
            }
            readers.forEach(ObjectReader::close);
            readers.clear();
            threadTreeWalk.remove();
            threadReader.remove();
        }
    }

    private record StartPoints(List<RevCommit> starts, ObjectId since) {
    }

    /** The commits to walk from: every ref (or the one named) and HEAD, minus what --since-commit holds. */
    private StartPoints startPoints(RevWalk walk) throws IOException {
        List<RevCommit> starts = new ArrayList<>();
        if (options.branch() != null) {
            ObjectId id = resolveRef(options.branch());
            if (id == null) {
                throw new GitSourceException("no branch, tag or commit named '" + options.branch() + "' in " + description
                        + "; known branches: " + knownBranches());
            }
            RevCommit commit = peelToCommit(walk, id);
            if (commit == null) {
                throw new GitSourceException("'" + options.branch() + "' does not name a commit");
            }
            starts.add(commit);
        } else {
            List<Ref> refs = new ArrayList<>(repository.getRefDatabase().getRefs());
            Ref head = repository.exactRef(Constants.HEAD);
            if (head != null) {
                refs.add(head);
            }
            for (Ref ref : refs) {
                ObjectId id = ref.getObjectId();
                if (id == null) {
                    continue; // an unborn branch
                }
                RevCommit commit = peelToCommit(walk, id);
                if (commit != null) {
                    starts.add(commit);
                }
            }
        }
        ObjectId since = null;
        if (options.sinceCommit() != null) {
            ObjectId id = repository.resolve(options.sinceCommit());
            RevCommit commit = id == null ? null : peelToCommit(walk, id);
            if (commit == null) {
                throw new GitSourceException("--since-commit " + options.sinceCommit() + " is not a commit of " + description);
            }
            since = commit;
        }
        return new StartPoints(starts, since);
    }

    private ObjectId resolveRef(String name) throws IOException {
        Ref ref = repository.findRef(name);
        if (ref != null && ref.getObjectId() != null) {
            return ref.getObjectId();
        }
        try {
            return repository.resolve(name);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            return null;
        }
    }

    private String knownBranches() throws IOException {
        List<String> names = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                .map(r -> Repository.shortenRefName(r.getName())).sorted().toList();
        if (names.isEmpty()) {
            return "(none)";
        }
        return String.join(", ", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? ", ..." : "");
    }

    /** The commit a ref points to through annotated tags; null for tags of trees or blobs, or missing objects. */
    private static RevCommit peelToCommit(RevWalk walk, ObjectId id) throws IOException {
        try {
            RevObject object = walk.peel(walk.parseAny(id));
            return object instanceof RevCommit commit ? commit : null;
        } catch (MissingObjectException e) {
            return null;
        }
    }

    private static CommitTrees trees(RevWalk walk, RevCommit commit) throws IOException {
        List<ObjectId> parentTrees = new ArrayList<>(commit.getParentCount());
        for (RevCommit parent : commit.getParents()) {
            walk.parseHeaders(parent);
            parentTrees.add(parent.getTree().copy());
        }
        return new CommitTrees(commit.copy(), commit.getTree().copy(), parentTrees);
    }

    private void scanCommit(CommitTrees commit, PathPartitionedWorkers readersByPath, FragmentSink sink) {
        List<Change> changes;
        try {
            changes = changes(threadTreeWalk.get(), commit, sink);
        } catch (MissingObjectException e) {
            sink.skipped("missing-object", null, null);
            return;
        } catch (IOException | RuntimeException e) {
            sink.skipped("unreadable", null, "cannot read the trees of commit " + commit.abbreviated() + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + ")");
            return;
        }
        for (Change change : changes) {
            scanChangeOnce(change, commit, readersByPath, sink);
        }
        commits.incrementAndGet();
    }

    /** The files this commit changed, compared with each parent (or with nothing for a root commit). */
    private List<Change> changes(TreeWalk trees, CommitTrees commit, FragmentSink sink) throws IOException {
        List<ObjectId> parents = commit.parentTrees();
        trees.reset();
        if (parents.size() <= 1) {
            if (parents.isEmpty()) {
                trees.addTree(new EmptyTreeIterator());
            } else {
                trees.addTree(parents.get(0));
            }
            trees.addTree(commit.tree());
            trees.setFilter(TreeFilter.ANY_DIFF);
            return singleParentChanges(trees, sink);
        }
        trees.addTree(commit.tree());
        for (ObjectId parent : parents) {
            trees.addTree(parent);
        }
        trees.setFilter(NewInMerge.INSTANCE);
        List<Change> changes = new ArrayList<>();
        while (trees.next()) {
            if (!isFile(trees.getFileMode(0), trees.getPathString(), sink)) {
                continue;
            }
            List<ObjectId> olds = new ArrayList<>();
            for (int i = 1; i < trees.getTreeCount(); i++) {
                if (isFile(trees.getFileMode(i), null, null)) {
                    olds.add(trees.getObjectId(i));
                }
            }
            changes.add(new Change(trees.getPathString(), trees.getObjectId(0), olds));
        }
        return changes;
    }

    private List<Change> singleParentChanges(TreeWalk trees, FragmentSink sink) throws IOException {
        List<Change> modified = new ArrayList<>();
        List<Change> added = new ArrayList<>();
        Map<String, ObjectId> deleted = new LinkedHashMap<>();
        while (trees.next()) {
            boolean oldFile = isFile(trees.getFileMode(0), null, null);
            boolean newFile = isFile(trees.getFileMode(1), trees.getPathString(), sink);
            String path = trees.getPathString();
            if (newFile && oldFile) {
                modified.add(new Change(path, trees.getObjectId(1), List.of(trees.getObjectId(0))));
            } else if (newFile) {
                added.add(new Change(path, trees.getObjectId(1), List.of()));
            } else if (oldFile) {
                deleted.put(path, trees.getObjectId(0));
            }
        }
        if (deleted.isEmpty()) {
            modified.addAll(added);
            return modified;
        }
        for (Change change : added) {
            if (deleted.containsValue(change.newId())) {
                continue; // renamed or copied unchanged: nothing new
            }
            modified.add(new Change(change.path(), change.newId(), renameCandidates(change.path(), deleted)));
        }
        return modified;
    }

    /**
     * Files deleted in the same commit that an added file may have been renamed from: the same file
     * name, else the same extension. Their lines count as old, so a rename with edits reports only the edits.
     */
    private static List<ObjectId> renameCandidates(String path, Map<String, ObjectId> deleted) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : null;
        List<ObjectId> sameName = new ArrayList<>();
        List<ObjectId> sameExtension = new ArrayList<>();
        deleted.forEach((p, id) -> {
            String n = p.substring(p.lastIndexOf('/') + 1);
            if (n.equals(name)) {
                sameName.add(id);
            } else if (extension != null && n.endsWith(extension)) {
                sameExtension.add(id);
            }
        });
        List<ObjectId> chosen = sameName.isEmpty() ? sameExtension : sameName;
        return chosen.size() > MAX_RENAME_CANDIDATES ? List.of() : chosen;
    }

    /** Regular and executable files hold text worth scanning; links, submodules and trees do not. */
    private static boolean isFile(FileMode mode, String path, FragmentSink sink) {
        if (mode == FileMode.GITLINK && sink != null) {
            sink.skipped("submodule", path, null);
        }
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private void scanChangeOnce(Change change, CommitTrees commit, PathPartitionedWorkers readersByPath,
                                FragmentSink sink) {
        String path = change.path();
        if (!options.shard().owns(path)) {
            return;
        }
        if (options.config().ignored(path)) {
            sink.skipped("ignored", path, null);
            return;
        }
        ChangeKey key = ChangeKey.of(path, change.newId(), change.oldIds());
        ObjectId first = firstMaker.putIfAbsent(key, commit.commit());
        if (first != null) {
            laterMakers.computeIfAbsent(new Origin(first, path), o -> new CopyOnWriteArrayList<>()).add(commit.commit());
            return;
        }
        readersByPath.submit(path, () -> {
            try {
                scanChange(change, commit, sink);
            } catch (MissingObjectException e) {
                sink.skipped("missing-object", path, null);
            } catch (IOException e) {
                sink.skipped("unreadable", path, "cannot read " + path + " in commit " + commit.abbreviated()
                        + " (" + e.getClass().getSimpleName().replace("Exception", "") + ")");
            } catch (Throwable e) {
                sink.skipped("scan-error", path, "could not read " + path + " in commit " + commit.abbreviated()
                        + " (" + e.getClass().getSimpleName() + "); please report this");
            }
        });
    }

    private void scanChange(Change change, CommitTrees commit, FragmentSink sink) throws IOException {
        ObjectReader reader = threadReader.get();
        byte[] newText = readText(reader, change.newId(), change.path(), sink);
        if (newText == null) {
            return;
        }
        List<byte[]> oldTexts = new ArrayList<>(change.oldIds().size());
        for (ObjectId old : change.oldIds()) {
            byte[] text;
            try {
                text = readText(reader, old, null, null);
            } catch (MissingObjectException e) {
                // without the old version every line counts as added: a secret may be attributed late, never lost
                sink.skipped("missing-object", change.path(), null);
                text = null;
            }
            if (text != null) {
                oldTexts.add(text);
            }
        }
        blobs.incrementAndGet();
        Map<String, String> properties = Map.of("commit", commit.commit().name());
        for (AddedLines.Hunk hunk : AddedLines.hunks(newText, oldTexts)) {
            sink.accept(new Fragment(hunk.text(), change.path(), hunk.firstLine(), properties, hunk.firstAddedLine()));
        }
    }

    /**
     * The blob as UTF-8, or null when it is too large or binary (counted on the sink when one is given).
     * Old versions ({@code sink == null}) are not sniffed: a binary old version only adds line hashes no
     * text line matches.
     */
    private byte[] readText(ObjectReader reader, ObjectId id, String path, FragmentSink sink) throws IOException {
        // open() inflates what is under jgit's stream threshold (at least --max-blob-size, see RepositoryTuning)
        // and only sizes what is over it: asking the size first would read each delta header twice
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        if (loader.isLarge() || loader.getSize() > options.maxBlobSize()) {
            if (sink != null) {
                sink.skipped("oversized", path, null);
            }
            return null;
        }
        byte[] bytes = loader.getCachedBytes();
        if (sink != null && TextDecoding.looksBinary(bytes, bytes.length)) {
            sink.skipped("binary", path, null);
            return null;
        }
        return TextDecoding.toUtf8(bytes);
    }

    private void warnAboutIncompleteClones(FragmentSink sink) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            int shallow = reader.getShallowCommits().size();
            if (shallow > 0) {
                sink.warn("shallow-clone", "this is a shallow clone: history before " + shallow + " boundary commit"
                        + (shallow == 1 ? "" : "s") + " is not here, so a secret reported at a boundary commit may have been "
                        + "introduced earlier; run 'git fetch --unshallow' to scan all of it");
            }
        }
        var config = repository.getConfig();
        boolean partial = config.getString("extensions", null, "partialclone") != null
                || config.getSubsections("remote").stream().anyMatch(r -> config.getBoolean("remote", r, "promisor", false));
        if (partial) {
            sink.warn("partial-clone", "this is a partial clone: file versions that were never fetched are skipped and "
                    + "counted; clone without --filter to scan all of them");
        }
    }

    /**
     * Adds author and date to each finding, repeats it for every other commit that made the same change,
     * and folds all introductions of one fingerprint into one finding at its oldest commit.
     */
    @Override
    public List<Finding> attribute(List<Finding> detected) throws IOException {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        Map<String, List<Introduction>> introductions = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            Map<ObjectId, CommitInfo> infos = new HashMap<>();
            for (Finding finding : detected) {
                ObjectId first = ObjectId.fromString(finding.properties().get("commit"));
                List<ObjectId> makers = new ArrayList<>();
                makers.add(first);
                makers.addAll(laterMakers.getOrDefault(new Origin(first, finding.location().path()), List.of()));
                for (ObjectId maker : makers) {
                    CommitInfo info = infos.computeIfAbsent(maker, id -> CommitInfo.read(walk, id));
                    String fingerprint = finding.fingerprint().value();
                    byFingerprint.putIfAbsent(fingerprint, finding);
                    introductions.computeIfAbsent(fingerprint, f -> new ArrayList<>())
                            .add(new Introduction(new Occurrence(finding.location(), info.properties()), info.commitTime(), maker));
                }
            }
        }
        List<Finding> out = new ArrayList<>(byFingerprint.size());
        byFingerprint.forEach((fingerprint, finding) -> {
            List<Introduction> all = introductions.get(fingerprint);
            all.sort(Comparator.comparingLong(Introduction::commitTime).thenComparing(Introduction::commit)
                    .thenComparingInt(i -> i.occurrence().location().startLine()));
            List<Occurrence> distinct = new ArrayList<>(all.stream().map(Introduction::occurrence).distinct().toList());
            Occurrence oldest = distinct.remove(0);
            out.add(finding.withProperties(oldest.properties()).withLocation(oldest.location())
                    .withOtherOccurrences(Collections.unmodifiableList(distinct)));
        });
        return out;
    }

    private record Introduction(Occurrence occurrence, long commitTime, ObjectId commit) {
    }

    /** What reports say about a commit: its id, author, author's e-mail and date. */
    private record CommitInfo(Map<String, String> properties, long commitTime) {
        static CommitInfo read(RevWalk walk, ObjectId id) {
            try {
                RevCommit commit = walk.parseCommit(id);
                PersonIdent author = commit.getAuthorIdent();
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("commit", id.name());
                properties.put("author", author.getName());
                properties.put("email", author.getEmailAddress());
                properties.put("date", OffsetDateTime.ofInstant(author.getWhenAsInstant(), author.getZoneId()).toString());
                return new CommitInfo(properties, commit.getCommitTime());
            } catch (IOException e) {
                return new CommitInfo(Map.of("commit", id.name()), Long.MAX_VALUE);
            }
        }
    }

    /** Paths whose new version differs from the version in every parent: what a merge itself introduced. */
    private static final class NewInMerge extends TreeFilter {
        static final NewInMerge INSTANCE = new NewInMerge();

        @Override
        public boolean include(TreeWalk walker) {
            if (walker.getRawMode(0) == 0) {
                return false;
            }
            for (int i = 1; i < walker.getTreeCount(); i++) {
                if (walker.idEqual(0, i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    /** For tests: the repository's folder. */
    File directory() {
        return repository.getDirectory();
    }
}
