package dev.secretsprawl.source.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.scan.ConfigException;
import dev.secretsprawl.scan.DaemonThreads;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.source.log.LogFragments;
import dev.secretsprawl.scan.Source;
import dev.secretsprawl.source.TextDecoding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every job of a Jenkins instance over its REST API: the {@code config.xml} of each job and folder, and the
 * console text of each job's most recent builds. Folders, multibranch projects and organisation folders
 * are walked breadth-first, their listings read in pages. A job the login may not read (403) or that
 * disappears during the walk (404) is skipped with a warning; a rejected login (401) stops the scan.
 */
public final class JenkinsInstanceSource implements Source {
    /** Children per listing request (Jenkins' tree range {@code {M,N}}). */
    static final int PAGE = 100;
    /** Item types known to hold jobs; any other item that answers with a {@code jobs} list is walked too. */
    static final Set<String> FOLDER_TYPES = Set.of(
            "com.cloudbees.hudson.plugins.folder.Folder",
            "org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject",
            "jenkins.branch.OrganizationFolder");

    private final JenkinsHttp http;
    private final JenkinsScanOptions options;
    private final JenkinsItem start;
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();

    public JenkinsInstanceSource(JenkinsHttp http, JenkinsScanOptions options) {
        this.http = http;
        this.options = options;
        this.start = new JenkinsItem(options.folderNames());
    }

    @Override
    public List<Finding> attribute(List<Finding> detected) {
        return ConsoleFindings.merge(detected);
    }

    @Override
    public String describe() {
        return http.url(start.path());
    }

    @Override
    public String progress() {
        return String.format(Locale.ROOT, "%,d jobs, %,d builds", jobs.get(), builds.get());
    }

    /**
     * Checks the URL, the login and the start folder with two requests, so a mistake fails fast, before
     * any report is due. Fetches the CSRF crumb used from then on.
     */
    public void connect() throws IOException {
        http.fetchCrumb();
        try {
            http.json(start.path() + "api/json?tree=" + JenkinsHttp.encode("_class"));
        } catch (JenkinsHttp.Unavailable e) {
            throw new ConfigException(start.isRoot()
                    ? "Jenkins at " + http.baseUrl() + " refused to list its jobs (HTTP " + e.status()
                    + "): the user needs the Overall/Read permission"
                    : "there is no folder '" + start.fullName() + "' at " + http.baseUrl() + " that the user may see (HTTP "
                    + e.status() + ")", e);
        }
    }

    @Override
    public void run(FragmentSink sink) throws IOException {
        if (!http.hasCrumb()) {
            connect();
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(options.parallel(), options.parallel(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.parallel() * 4), DaemonThreads.named("sprawl-jenkins"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            walk(sink, pool);
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Jenkins scan interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        RuntimeException stop = fatal.get();
        if (stop != null) {
            throw stop;
        }
    }

    /** Breadth-first: folders are listed here, jobs are read on the pool. */
    private void walk(FragmentSink sink, ThreadPoolExecutor pool) throws IOException {
        Deque<JenkinsItem> folders = new ArrayDeque<>(List.of(start));
        while (!folders.isEmpty() && fatal.get() == null) {
            JenkinsItem folder = folders.poll();
            List<Child> children;
            try {
                children = list(folder);
            } catch (IOException e) {
                // a folder that fails is one subtree lost, not the scan; the start folder is the whole scan
                if (folder.equals(start)) {
                    throw e;
                }
                skip(sink, folder, http.url(folder.path()), e);
                continue;
            }
            for (Child child : children) {
                JenkinsItem item = folder.child(child.name());
                if (child.folder()) {
                    folders.add(item);
                }
                if (options.shard().owns(item.fullName())) {
                    pool.execute(() -> guarded(() -> read(item, child.folder(), sink)));
                }
            }
        }
    }

    private List<Child> list(JenkinsItem folder) throws IOException {
        Set<Child> children = new LinkedHashSet<>();
        for (int from = 0; ; from += PAGE) {
            String tree = "jobs[name,url,_class,jobs[name]{0,1}]{" + from + "," + (from + PAGE) + "}";
            JsonNode page = http.json(folder.path() + "api/json?tree=" + JenkinsHttp.encode(tree)).path("jobs");
            for (JsonNode job : page) {
                String name = job.path("name").asText("");
                if (!name.isEmpty()) {
                    children.add(new Child(name, FOLDER_TYPES.contains(job.path("_class").asText()) || job.has("jobs")));
                }
            }
            if (page.size() < PAGE) {
                return new ArrayList<>(children);
            }
        }
    }

    /** A folder's listing entry: its name and whether it holds jobs. */
    private record Child(String name, boolean folder) {
    }

    private void read(JenkinsItem item, boolean folder, FragmentSink sink) {
        String jobUrl = http.url(item.path());
        Map<String, String> props = Map.of("job", item.fullName(), "url", jobUrl);
        String configPath = item.path() + "config.xml";
        try (InputStream in = http.open(configPath)) {
            byte[] bytes = in.readNBytes((int) Math.min(options.maxConfigBytes() + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > options.maxConfigBytes()) {
                sink.skipped("oversized", http.url(configPath), null);
            } else {
                sink.accept(new Fragment(TextDecoding.decode(bytes, bytes.length), http.url(configPath), 1, props));
            }
        } catch (IOException e) {
            skip(sink, item, http.url(configPath), e);
        }
        if (!folder && options.builds() > 0) {
            readBuilds(item, jobUrl, sink);
        }
        jobs.incrementAndGet();
    }

    private void readBuilds(JenkinsItem item, String jobUrl, FragmentSink sink) {
        JsonNode list;
        try {
            String tree = "builds[number,url]{0," + options.builds() + "}";
            list = http.json(item.path() + "api/json?tree=" + JenkinsHttp.encode(tree)).path("builds");
        } catch (IOException e) {
            skip(sink, item, jobUrl, e);
            return;
        }
        for (JsonNode build : list) {
            if (fatal.get() != null || !build.path("number").canConvertToInt()) {
                return;
            }
            int number = build.path("number").asInt();
            String buildPath = item.path() + number + "/";
            String consolePath = buildPath + "consoleText";
            Map<String, String> props = Map.of("job", item.fullName(), "build", Integer.toString(number),
                    "url", http.url(buildPath), ConsoleFindings.JOB_CONSOLE, http.url(item.path() + "consoleText"));
            try (InputStream in = http.open(consolePath)) {
                LogFragments.read(in, http.url(consolePath), props, sink, null);
                builds.incrementAndGet();
            } catch (IOException e) {
                skip(sink, item, http.url(consolePath), e);
            }
        }
    }

    /** 403 and 404 are expected on a live instance and counted by kind; anything else leaves the scan incomplete. */
    private static void skip(FragmentSink sink, JenkinsItem item, String url, IOException e) {
        if (e instanceof JenkinsHttp.Unavailable u && u.status() == 403) {
            sink.skipped("forbidden", url, "cannot read " + url + " (HTTP 403): the user lacks a permission on "
                    + item.fullName() + " (config.xml needs Job/ExtendedRead)");
        } else if (e instanceof JenkinsHttp.Unavailable) {
            sink.skipped("not-found", url, "cannot read " + url + " (HTTP 404): deleted while the scan ran?");
        } else {
            sink.skipped("scan-error", url, "cannot read " + url + ": " + e.getMessage());
        }
    }

    /** A rejected login on any thread stops the walk and is rethrown by {@link #run}. */
    private void guarded(Runnable task) {
        if (fatal.get() != null) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }
}
