package dev.secretsprawl.migrate.rewrite;

import java.util.List;

/**
 * Replaces legacy values in one kind of file with references its runtime resolves: a Jenkinsfile's
 * {@code credentials('id')}, a GitHub workflow's {@code ${{ secrets.NAME }}}, a .env's {@code ${NAME}}. Minimal
 * diff (only the characters of the value and, where the syntax needs it, its quotes), and idempotent: a spot
 * that no longer holds its value is left alone, so rewriting twice changes nothing.
 */
public interface Rewriter {
    /** Short name of the file type, as plans show it ({@code jenkinsfile}, {@code github-actions}, {@code dotenv}). */
    String fileType();

    /** Whether this rewriter handles the file at PATH (relative, '/'-separated), judged by its name and folders. */
    boolean handles(String path);

    /** The reference this file type uses for credential NAME, as plans show it. */
    String reference(String name);

    /** TEXT with each spot's value replaced by its reference. */
    Rewrite rewrite(String text, List<Spot> spots);
}
