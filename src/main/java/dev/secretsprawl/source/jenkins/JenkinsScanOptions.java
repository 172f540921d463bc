package dev.secretsprawl.source.jenkins;

import dev.secretsprawl.source.Shard;

import java.util.List;

/**
 * What {@link JenkinsInstanceSource} reads.
 *
 * @param builds         console logs of this many most recent builds per job (0: configurations only; at most 100,
 *                       the number Jenkins lists)
 * @param folder         full name of the folder to start at ({@code team/app}), or null for the whole instance
 * @param shard          the jobs (by full name) this run reads
 * @param maxConfigBytes a {@code config.xml} larger than this is skipped and counted
 * @param parallel       jobs read at the same time (concurrent requests to Jenkins)
 */
public record JenkinsScanOptions(int builds, String folder, Shard shard, long maxConfigBytes, int parallel) {
    public static final int MAX_BUILDS = 100;

    public JenkinsScanOptions {
        if (builds < 0 || builds > MAX_BUILDS) {
            throw new IllegalArgumentException("builds must be between 0 and " + MAX_BUILDS + ", got " + builds);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be 1 or more, got " + parallel);
        }
        folder = folder == null || folder.strip().replaceAll("^/+|/+$", "").isEmpty() ? null
                : folder.strip().replaceAll("^/+|/+$", "");
    }

    /** The folder's names from the root, empty for the whole instance. */
    List<String> folderNames() {
        return folder == null ? List.of() : List.of(folder.split("/+"));
    }
}
