package dev.secretsprawl.source.git;

import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.source.Shard;

/**
 * What part of a repository's history to scan.
 *
 * @param branch      one ref or revision to start from (a branch, tag, remote-tracking ref or commit), or null for every ref
 * @param sinceCommit scan only commits that this commit does not already contain (incremental scans), or null
 * @param maxBlobSize file versions larger than this are skipped and counted
 * @param threads     threads reading and diffing file versions
 */
public record GitScanOptions(String branch, String sinceCommit, long maxBlobSize, int threads, SprawlConfig config,
                             Shard shard) {
    public GitScanOptions {
        config = config == null ? SprawlConfig.EMPTY : config;
        shard = shard == null ? Shard.ALL : shard;
        threads = Math.max(1, threads);
    }

    public static GitScanOptions defaults() {
        return new GitScanOptions(null, null, 10L * 1024 * 1024, Runtime.getRuntime().availableProcessors(), null, null);
    }
}
