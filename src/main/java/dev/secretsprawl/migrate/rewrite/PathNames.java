package dev.secretsprawl.migrate.rewrite;

import java.util.Locale;

/** What rewriters judge a path by: its file name and folders ('/'-separated, relative). */
final class PathNames {
    private PathNames() {
    }

    static String fileName(String path) {
        String normalized = path.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    static String lowerFileName(String path) {
        return fileName(path).toLowerCase(Locale.ROOT);
    }

    /** Whether the path sits under {@code folder} ("a/b/"), at the root or deeper. */
    static boolean under(String path, String folder) {
        String normalized = "/" + path.replace('\\', '/');
        return normalized.contains("/" + folder);
    }

    static boolean endsWithAny(String path, String... suffixes) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String suffix : suffixes) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
