package dev.secretsprawl.source.git;

import org.eclipse.jgit.lib.AnyObjectId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Identifies one change to one file, whatever commit makes it: its path, the new version and the
 * versions it replaces. The same change made by two commits (a cherry-pick, a rebased branch kept
 * alongside the original) is read and scanned once. Two longs, so a history of millions of changes
 * stays small in memory.
 */
record ChangeKey(long high, long low) {
    static ChangeKey of(String path, AnyObjectId newId, List<? extends AnyObjectId> oldIds) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(path.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            byte[] raw = new byte[20];
            newId.copyRawTo(raw, 0);
            md.update(raw);
            for (AnyObjectId old : oldIds.stream().sorted().toList()) {
                old.copyRawTo(raw, 0);
                md.update(raw);
            }
            ByteBuffer digest = ByteBuffer.wrap(md.digest());
            return new ChangeKey(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
