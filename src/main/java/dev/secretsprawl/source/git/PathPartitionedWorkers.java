package dev.secretsprawl.source.git;

import dev.secretsprawl.scan.DaemonThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread per partition of file paths, each with a bounded queue: every version of a file is read by
 * the same thread. Packs store a file's versions as deltas of each other, and jgit caches delta bases per
 * reader, so keeping a file on one reader turns most reads into one delta step instead of a chain
 * inflated again from its base. A full queue makes the submitter wait, which bounds memory.
 */
final class PathPartitionedWorkers {
    private final List<ThreadPoolExecutor> workers = new ArrayList<>();

    PathPartitionedWorkers(int count, String name) {
        for (int i = 0; i < count; i++) {
            workers.add(new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                    DaemonThreads.named(name + "-" + (i + 1)), (task, executor) -> {
                try {
                    executor.getQueue().put(task);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RejectedExecutionException("interrupted while waiting for a full queue", e);
                }
            }));
        }
    }

    void submit(String path, Runnable task) {
        workers.get(Math.floorMod(path.hashCode(), workers.size())).execute(task);
    }

    /** Waits for every queued task; call once nothing more will be submitted. */
    void finish() throws InterruptedException {
        for (ThreadPoolExecutor w : workers) {
            w.shutdown();
        }
        for (ThreadPoolExecutor w : workers) {
            w.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }

    void abort() {
        workers.forEach(ThreadPoolExecutor::shutdownNow);
    }
}
